using System.Globalization;
using System.Runtime.InteropServices;
using ClinicPortal.Benchmarks;

// Usage: dotnet run -c Release --project bench/ClinicPortal.Benchmarks -- [--app path/to/published/ClinicPortal] [--events 1000000] [--quick]
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var appPath = Argument("--app");
var quick = args.Contains("--quick");
var million = int.Parse(Argument("--events") ?? (quick ? "50000" : "1000000"), CultureInfo.InvariantCulture);
var root = Directory.CreateTempSubdirectory("clinicportal-bench-").FullName;
Console.WriteLine($"ClinicPortal benchmarks · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} · .NET {Environment.Version}");
Console.WriteLine($"SQLite files under {root}; WAL, synchronous=FULL, as the app runs.\n");

try
{
    var raw = await RawAppend.TransactionsPerSecondAsync(root, quick ? 500 : 3000);
    Console.WriteLine($"1. Raw limit: conditional append, one transaction each .......... {raw,10:N0} tx/s   (baseline)");

    await using (var app = await Harness.StartAsync(Path.Combine(root, "booking")))
    {
        var slots = (await BookingScenarios.ScheduleAsync(app, 1, quick ? 4 : 20)).Select(s => s.SlotId).ToArray();
        var single = await BookingScenarios.BookAsync(app, "single caller", slots[..(quick ? 200 : 1000)], callers: 1);
        var distinct = await BookingScenarios.BookAsync(app, "50 callers, distinct slots", slots[(quick ? 200 : 1000)..(quick ? 700 : 3000)], callers: 50);
        var contended = await BookingScenarios.BookAsync(app, "50 callers, contended slots", slots[(quick ? 700 : 3000)..(quick ? 710 : 3040)], callers: 50, attemptsPerSlot: 50);
        Console.WriteLine("2. Booking handler end to end (read, decide, conditional append, read models):");
        foreach (var t in new[] { single, distinct, contended })
            Console.WriteLine($"   {t.Name,-30} {t.PerSecond,10:N0} ops/s  = {t.PerSecond / raw,5:P0} of raw   p50 {t.P50Ms,6:N2} ms  p99 {t.P99Ms,6:N2} ms  ({t.Operations:N0} ops)");
    }

    await using (var app = await Harness.StartAsync(Path.Combine(root, "year")))
    {
        var read = await BookingScenarios.AvailableSlotsReadAsync(app, quick ? 500 : 5000);
        Console.WriteLine($"3. Available slots of a 5-doctor day, a year of history ({read.Events:N0} events):");
        Console.WriteLine($"   p50 {read.P50:N3} ms   p99 {read.P99:N3} ms   max {read.Max:N3} ms   (one read = {read.P50 / (1000 / raw):P0} of one raw append)");
    }

    var bigDirectory = Path.Combine(root, "million");
    var generated = await MillionEvents.GenerateAsync(bigDirectory, million);
    var rebuild = await MillionEvents.RebuildAsync(bigDirectory);
    Console.WriteLine($"4. Rebuild of the read models from {generated:N0} events ........ {rebuild.TotalSeconds,8:N1} s   ({generated / rebuild.TotalSeconds:N0} events/s = {generated / rebuild.TotalSeconds / raw:N0}x raw tx/s)");
    var startUp = await MillionEvents.StartUpAsync(bigDirectory, appPath);
    Console.WriteLine(startUp is { } s
        ? $"   Start-up to /health/ready with that log .................. {s.TotalSeconds,8:N2} s"
        : "   Start-up not measured: pass --app with the published ClinicPortal (scripts/bench.sh does).");
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(root, recursive: true); } catch (IOException) { }
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();
