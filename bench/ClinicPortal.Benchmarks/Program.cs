using System.Globalization;
using System.Runtime.InteropServices;
using ClinicPortal.Benchmarks;

// Sections 9 and 10 start a throwaway PostgreSQL server of their own (Debian's postgresql package; scripts/test.sh installs it).
// Usage: dotnet run -c Release --project bench/ClinicPortal.Benchmarks -- [--app path/to/published/ClinicPortal] [--events 1000000] [--timers 100000] [--quick] [--only 2,5]
//        [--app-env NAME=VALUE,...] (environment for the published app in sections 6 and 7, e.g. DOTNET_gcServer=0)
// (the raw baseline, section 1, always runs: every other figure is printed beside it)
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
if (args.Contains("--bare-app")) // section 12's baseline for an idle process: a bare ASP.NET Core app, one endpoint
{
    var bare = Microsoft.AspNetCore.Builder.WebApplication.CreateBuilder(args.Where(a => a != "--bare-app").ToArray());
    var bareApp = bare.Build();
    Microsoft.AspNetCore.Builder.EndpointRouteBuilderExtensions.MapGet(bareApp, "/health/live", () => "Healthy");
    await bareApp.RunAsync();
    return;
}
var appPath = Argument("--app");
var quick = args.Contains("--quick");
var appEnvironment = (Argument("--app-env") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries).Select(pair => pair.Split('=', 2))
    .ToDictionary(pair => pair[0], pair => pair[1]);
var only = Argument("--only")?.Split(',').Select(int.Parse).ToHashSet();
bool Runs(int section) => only is null || only.Contains(section);
var million = int.Parse(Argument("--events") ?? (quick ? "50000" : "1000000"), CultureInfo.InvariantCulture);
var root = Directory.CreateTempSubdirectory("clinicportal-bench-").FullName;
string? millionDirectory = null; // the million-event log, made once for sections 4 and 11
long millionEvents = 0;
Console.WriteLine($"ClinicPortal benchmarks · {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC · {Environment.ProcessorCount} cores · {RuntimeInformation.OSDescription} · .NET {Environment.Version}");
Console.WriteLine($"SQLite files under {root}; WAL, synchronous=FULL, as the app runs.\n");

try
{
    var raw = await RawAppend.TransactionsPerSecondAsync(root, quick ? 500 : 3000);
    Console.WriteLine($"1. Raw limit: conditional append, one transaction each .......... {raw,10:N0} tx/s   (baseline)");
    if (Runs(2)) await AppointmentAsync(raw);
    if (Runs(3)) await ReadAsync(raw);
    if (Runs(4)) await RebuildAsync(raw);
    if (Runs(5)) await EmailAsync(raw);
    if (Runs(6)) await HttpAsync(raw);
    if (Runs(7)) await CircuitsAsync(raw);
    if (Runs(8)) await TimersAsync(raw);
    if (Runs(9)) await LogOnPostgresAsync(raw);
    if (Runs(10)) await BookingOnPostgresAsync(raw);
    if (Runs(11)) await AsOfAsync(raw);
    if (Runs(12)) await PhoneAsync(raw);
    if (Runs(13)) await AccessLogAsync(raw);
}
finally
{
    Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    try { Directory.Delete(root, recursive: true); } catch (IOException) { }
}

async Task AppointmentAsync(double raw)
{
    await using var app = await Harness.StartAsync(Path.Combine(root, "booking"));
    var slots = (await BookingScenarios.ScheduleAsync(app, 1, quick ? 4 : 20)).Select(s => s.SlotId).ToArray();
    var single = await BookingScenarios.BookAsync(app, "single caller", slots[..(quick ? 200 : 1000)], callers: 1);
    var distinct = await BookingScenarios.BookAsync(app, "50 callers, distinct slots", slots[(quick ? 200 : 1000)..(quick ? 700 : 3000)], callers: 50);
    var contended = await BookingScenarios.BookAsync(app, "50 callers, contended slots", slots[(quick ? 700 : 3000)..(quick ? 710 : 3040)], callers: 50, attemptsPerSlot: 50);
    Console.WriteLine("2. Booking handler end to end (read, decide, conditional append, read models):");
    foreach (var t in new[] { single, distinct, contended })
        Console.WriteLine($"   {t.Name,-30} {t.PerSecond,10:N0} ops/s  = {t.PerSecond / raw,5:P0} of raw   p50 {t.P50Ms,6:N2} ms  p99 {t.P99Ms,6:N2} ms  ({t.Operations:N0} ops)");
}

async Task ReadAsync(double raw)
{
    await using var app = await Harness.StartAsync(Path.Combine(root, "year"));
    var read = await BookingScenarios.AvailableSlotsReadAsync(app, quick ? 500 : 5000);
    Console.WriteLine($"3. Available slots of a 5-clinician day, a year of history ({read.Events:N0} events):");
    Console.WriteLine($"   p50 {read.P50:N3} ms   p99 {read.P99:N3} ms   max {read.Max:N3} ms   (one read = {read.P50 / (1000 / raw):P0} of one raw append)");
}

async Task<(string Directory, long Events)> MillionAsync()
{
    if (millionDirectory is null)
    {
        millionDirectory = Path.Combine(root, "million");
        millionEvents = await MillionEvents.GenerateAsync(millionDirectory, million);
    }
    return (millionDirectory, millionEvents);
}

async Task RebuildAsync(double raw)
{
    var (bigDirectory, generated) = await MillionAsync();
    var rebuild = await MillionEvents.RebuildAsync(bigDirectory);
    Console.WriteLine($"4. Rebuild of the read models from {generated:N0} events ........ {rebuild.TotalSeconds,8:N1} s   ({generated / rebuild.TotalSeconds:N0} events/s = {generated / rebuild.TotalSeconds / raw:N0}x raw tx/s)");
    var startUp = await MillionEvents.StartUpAsync(bigDirectory, appPath);
    Console.WriteLine(startUp is { } s
        ? $"   Start-up to /health/ready with that log .................. {s.TotalSeconds,8:N2} s"
        : "   Start-up not measured: pass --app with the published ClinicPortal (scripts/bench.sh does).");
}

async Task EmailAsync(double raw)
{
    var emails = quick ? 2000 : 10000;
    Console.WriteLine($"5. Email burst: booking notices (with a calendar file) recorded at once, then sent and marked:");
    Print(await EmailScenarios.SenderOnlyAsync(Path.Combine(root, "pickup-raw"), "pickup, sender alone (limit)", emails));
    Print(await EmailScenarios.BurstAsync(Path.Combine(root, "pickup"), "pickup, through the outbox", emails));
    var port = EmailScenarios.FreePort();
    using var sink = await EmailScenarios.StartSinkAsync(port);
    if (sink is null)
    {
        Console.WriteLine("   to a local aiosmtpd: not measured (Debian's python3-aiosmtpd is not installed; scripts/test.sh installs it)");
        return;
    }
    var smtp = new Dictionary<string, string?>
    {
        ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = port.ToString(CultureInfo.InvariantCulture), ["Email:Smtp:Security"] = "None",
    };
    Print(await EmailScenarios.SenderOnlyAsync(Path.Combine(root, "smtp-raw"), "aiosmtpd, sender alone (limit)", emails / 4, smtp));
    Print(await EmailScenarios.BurstAsync(Path.Combine(root, "smtp"), "aiosmtpd, through the outbox", emails / 4, smtp));
    sink.Kill();

    void Print(EmailThroughput t) =>
        Console.WriteLine($"   {t.Name,-30} {t.PerSecond,10:N0} emails/s = {t.PerSecond / raw,5:P0} of raw   ({t.Emails:N0} emails in {t.Elapsed.TotalSeconds:N2} s)");
}

async Task HttpAsync(double raw)
{
    await using var app = await StartDemoAsync("6. HTTP", "http");
    if (app is null)
        return;
    foreach (var workers in new[] { 10, 50 })
    {
        Console.WriteLine($"6. HTTP: the simulator's mix, {workers} workers for {(quick ? 10 : 30)} s against the published app (same machine; raw baseline {raw:N0} tx/s):");
        var output = new StringWriter();
        var options = new ClinicPortal.Simulator.SimulationOptions { Url = app.Address, Workers = workers, Duration = TimeSpan.FromSeconds(quick ? 10 : 30) };
        var exit = await new ClinicPortal.Simulator.Simulation(options, output).RunAsync();
        foreach (var line in output.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
            Console.WriteLine("   " + line.TrimEnd());
        if (exit != 0)
            Console.WriteLine($"   the simulator exited {exit}");
    }
}

async Task CircuitsAsync(double raw)
{
    await using var app = await StartDemoAsync("7. Circuits", "circuits");
    if (app is null)
        return;
    var steps = quick ? new[] { 10, 20 } : [50, 100, 200];
    var figures = await CircuitScenarios.RunAsync(app, steps);
    if (figures is null)
    {
        Console.WriteLine("7. Circuits: not measured: no Chromium at /usr/bin/chromium (scripts/test.sh installs Debian's; or set CHROMIUM_PATH, as for the E2E tests).");
        return;
    }
    var settings = appEnvironment.Count == 0 ? "the app's own settings" : string.Join(", ", appEnvironment.Select(e => $"{e.Key}={e.Value}"));
    Console.WriteLine($"7. Circuits: Book pages open in headless Chromium, one patient, server memory after a full collection ({settings}):");
    foreach (var m in figures.Memory)
        Console.WriteLine($"   {m.Pages,4} pages ({m.Circuits,4} circuits)   managed heap {m.ManagedHeapMb,7:N1} MB   committed {m.CommittedMb,7:N1} MB   RSS {m.WorkingSetMb,7:N1} MB");
    Console.WriteLine($"   per open page: managed heap {figures.HeapKbPerPage:N0} KB, RSS {figures.WorkingSetKbPerPage:N0} KB");
    Console.WriteLine($"   a cancellation on the day they show reached all {figures.FanOutPages} pages in {figures.FanOutMs:N0} ms (the cancellation sent to the last page's change;" +
        $" the server's CPU for it all {figures.FanOutServerCpuMs:N0} ms; Chromium shares the 2 cores)");
    Console.WriteLine($"   server CPU per append no open page shows (a clinician scheduling a day months ahead): {figures.CpuMsPerAppendAlone:N2} ms with no page open, {figures.CpuMsPerAppendWithPages:N2} ms with {figures.FanOutPages} open" +
        $" = {figures.CpuMsPerUnaffectedCircuit:N4} ms per unaffected page ({figures.UnaffectedAppends} appends; raw baseline {raw:N0} tx/s)");
}

async Task TimersAsync(double raw)
{
    var t = await TimerScenarios.RemindersAsync(Path.Combine(root, "timers"), int.Parse(Argument("--timers") ?? (quick ? "10000" : "100000"), CultureInfo.InvariantCulture), quick ? 500 : 3_000, raw);
    Console.WriteLine($"8. The practice's clock with {t.Future:N0} future reminders in rm_timers, {t.Due:N0} more falling due over the run:");
    Console.WriteLine($"   next-due lookup p50 {t.NextDueLookupMs,7:N3} ms   (one raw append = {1000 / raw:N3} ms)");
    Console.WriteLine($"   reminders done {t.Done:N0} of {t.Due:N0}   lateness p50 {t.P50Ms,7:N1} ms   p99 {t.P99Ms,7:N1} ms   max {t.MaxMs,7:N1} ms   (due at 250/s){t.Note}");
    Console.WriteLine($"   memory after a full collection: managed heap {t.HeapMbIdle:N1} MB, RSS {t.RssMbIdle:N1} MB with the timers loaded; {t.HeapMbAfter:N1} MB, {t.RssMbAfter:N1} MB after the run");
}

// The demo practice, with the API's rate limits out of the way: this measures the server, not the limiter.
// Null, said under the section's title, when no published app was given.
async Task<PublishedApp?> StartDemoAsync(string section, string folder)
{
    if (appPath is null || !File.Exists(appPath))
    {
        Console.WriteLine($"{section}: not measured: pass --app with the published ClinicPortal (scripts/bench.sh does).");
        return null;
    }
    var settings = new Dictionary<string, string>
    {
        ["Seed:Demo"] = "true", ["RateLimits:SignInPerMinute"] = "1000000", ["RateLimits:BookingsPerMinute"] = "1000000",
        ["Diagnostics:MemoryEndpoint"] = "true", ["Clock:StartsAt"] = MondayMorning().ToString("O"),
    };
    foreach (var (name, value) in appEnvironment)
        settings[name] = value;
    return await PublishedApp.StartAsync(appPath, Path.Combine(root, folder), settings)
        ?? throw new InvalidOperationException("The published app did not become ready.");
}

async Task PhoneAsync(double raw)
{
    const string title = "12. Pages on a patient's phone";
    var chromium = PhoneScenarios.Chromium();
    if (chromium is null)
    {
        Console.WriteLine($"{title}: not measured: no Chromium at /usr/bin/chromium (scripts/test.sh installs Debian's; or set CHROMIUM_PATH).");
        return;
    }
    await using var app = await StartDemoAsync(title, "phone");
    if (app is null)
        return;
    var quiet = TimeSpan.FromSeconds(quick ? 10 : 20);
    await Task.Delay(TimeSpan.FromSeconds(5)); // start-up's own work done
    var idle = await PhoneScenarios.IdleShareAsync(app.ProcessId, quiet);
    double? bareIdle = null;
    await using (var bare = await PublishedApp.StartAsync(Environment.ProcessPath!, Path.Combine(root, "bare"), readyPath: "/health/live", arguments: ["--bare-app"]))
        if (bare is not null)
        {
            await Task.Delay(TimeSpan.FromSeconds(5));
            bareIdle = await PhoneScenarios.IdleShareAsync(bare.ProcessId, quiet);
        }

    using var playwright = await Microsoft.Playwright.Playwright.CreateAsync();
    await using var browser = await PhoneScenarios.LaunchAsync(playwright, chromium);
    var cookies = new Dictionary<string, string>();
    foreach (var account in PhoneScenarios.Pages.Select(p => p.Account).OfType<string>().Distinct())
        cookies[account] = PhoneScenarios.CookieHeader(await PhoneScenarios.SignInAsync(browser, app.Address, account));
    var loads = await PhoneScenarios.LoadsAsync(browser, app.Address, quick ? 1 : 3);
    var (assets, uncompressed) = await PhoneScenarios.CompressionAsync(app.Address, cookies);
    var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(MondayMorning(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
    var patientToken = await PhoneScenarios.TokenAsync(app.Address, "patient1@demo.clinic");
    var visitType = await PhoneScenarios.FirstBookableVisitTypeAsync(app.Address, patientToken); // what the Book page shows first
    var apiReads = new List<(string, string, string)>
    {
        ("  its data as JSON", $"/api/availability?serviceId={visitType}&date={today:yyyy-MM-dd}", patientToken),
        ("  its data as JSON", $"/api/days/{today:yyyy-MM-dd}", await PhoneScenarios.TokenAsync(app.Address, "reception@demo.clinic")),
    };
    var prerender = await PhoneScenarios.PrerenderAsync(app.ProcessId, app.Address, cookies, apiReads, quick ? 200 : 1000);
    // Each JSON read printed under the page it feeds.
    prerender = [.. prerender.Where(c => !c.Page.StartsWith(' ')).SelectMany(c => c.Page switch
    {
        "Book" => [c, prerender.First(p => p.Page.StartsWith(' '))],
        "Reception" => [c, prerender.Last(p => p.Page.StartsWith(' '))],
        _ => new[] { c },
    })];
    var memory = await PhoneScenarios.MemoryPerPageAsync(browser, app, quick ? 10 : 40);
    var layoutMemory = await PhoneScenarios.MemoryPerPageAsync(browser, app, quick ? 10 : 40, PhoneScenarios.Home);

    Console.WriteLine($"{title}: Chromium at 390×844, 150 ms round trip, 1.6 Mbit/s down, 750 kbit/s up, CPU 4× slower; the demo practice:");
    string Target(string page, string visit) => (page, visit) switch
    {
        ("Book", "first visit") => "target ≤ 200 KB, ready ≤ 3 s",
        ("Book", "repeat") => "target ready ≤ 1.5 s",
        _ => "",
    };
    foreach (var group in loads.GroupBy(l => (l.Page, l.Visit)))
    {
        var runs = group.ToArray();
        string Range(Func<PageLoad, double> of, string format) =>
            runs.Length == 1 ? of(runs[0]).ToString(format, CultureInfo.InvariantCulture) : $"{runs.Min(of).ToString(format, CultureInfo.InvariantCulture)}–{runs.Max(of).ToString(format, CultureInfo.InvariantCulture)}";
        Console.WriteLine($"   {group.Key.Page,-16} {group.Key.Visit,-11} {Range(l => l.Kb, "N0"),9} KB (HTML {Range(l => l.HtmlKb, "N0")}, circuit {Range(l => l.SocketKb, "N0")})" +
            $"   first byte {Range(l => l.TtfbMs, "N0"),9} ms   first enabled control {Range(l => l.ReadyMs, "N0"),11} ms   largest paint {Range(l => l.LargestPaintMs, "N0"),11} ms   {Target(group.Key.Page, group.Key.Visit)}");
        if (runs.All(l => !double.IsNaN(l.ConnectedMs)))
            Console.WriteLine($"      on the way: scripts run by {Range(l => l.ScriptsRunMs, "N0")} ms, the circuit's connection open at {Range(l => l.ConnectedMs, "N0")} ms");
    }
    Console.WriteLine($"   text assets the pages link: {assets}; over 1 KB served uncompressed to a browser accepting br and gzip: {uncompressed.Count} (target 0)" +
        string.Concat(uncompressed.Select(u => $"\n      {u.Url} ({u.Bytes / 1024.0:N0} KB)")));
    Console.WriteLine("   server CPU per first HTML (the prerender), 10 requests at a time, beside the same data as the API's JSON (raw baseline " + $"{raw:N0} tx/s):");
    foreach (var cost in prerender)
        Console.WriteLine($"      {cost.Page,-16} {cost.CpuMs,7:N2} ms   {cost.Page switch { "Book" => "target ≤ 2 ms", "Reception" => "target ≤ 3 ms", "Sign-in" => "target ≤ 0.5 ms", _ => "" }}");
    Console.WriteLine($"   memory per open Book page ({memory.Pages} pages): managed heap {memory.HeapKb:N0} KB, RSS {memory.RssKb:N0} KB   target RSS ≤ 300 KB");
    Console.WriteLine($"      the layout and its circuit alone (Home, {layoutMemory.Pages} pages): managed heap {layoutMemory.HeapKb:N0} KB, RSS {layoutMemory.RssKb:N0} KB");
    Console.WriteLine($"   idle practice, {quiet.TotalSeconds:N0} s with no page open and no request: {idle:P2} of a core" +
        (bareIdle is { } b ? $"   a bare ASP.NET Core app: {b:P2}" : "   (the bare app did not start)") + "   target ≤ 0.50 %");
}

// The app's clock starts at 08:00 on the next Monday in the practice's zone, whatever hour the bench runs at: the demo
// practice (seeded from a fixed seed) then has the same free times every run, the whole day ahead of the Book page.
static DateTimeOffset MondayMorning()
{
    var london = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, london).DateTime).AddDays(1);
    while (date.DayOfWeek != DayOfWeek.Monday)
        date = date.AddDays(1);
    var local = date.ToDateTime(new TimeOnly(8, 0));
    return new DateTimeOffset(local, london.GetUtcOffset(local));
}

string? Argument(string name) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault();

async Task LogOnPostgresAsync(double raw)
{
    Console.WriteLine("9. The log alone on each database: a booking's read and conditional append, no read models (fsync on both):");
    ClinicPortal.Tests.Shared.PostgresServer server;
    try
    {
        server = await ClinicPortal.Tests.Shared.PostgresServer.StartAsync(durable: true);
    }
    catch (InvalidOperationException exception)
    {
        Console.WriteLine($"   not measured: {exception.Message}");
        return;
    }
    try
    {
        var connectionString = server.ConnectionString("bench");
        await ClinicPortal.Infrastructure.Postgres.PostgresLogSchema.EnsureAsync(connectionString);
        var rawPostgres = await LogScenarios.RawPostgresAsync(connectionString, quick ? 500 : 3000);
        Console.WriteLine($"   Raw PostgreSQL limit: check + two inserts, one transaction each {rawPostgres,10:N0} tx/s   (SQLite's, section 1: {raw:N0})");

        var sqliteDirectory = Path.Combine(root, "log-sqlite");
        Directory.CreateDirectory(sqliteDirectory);
        var database = new ClinicPortal.Infrastructure.Sqlite.SqliteDatabase(
            Microsoft.Extensions.Options.Options.Create(new ClinicPortal.Infrastructure.Data.DataOptions { Directory = sqliteDirectory }),
            new Microsoft.Extensions.Hosting.Internal.HostingEnvironment { ContentRootPath = sqliteDirectory });
        await database.InitializeAsync();
        await using var sqlite = new ClinicPortal.Infrastructure.Sqlite.SqliteEventStore(database, [], new ClinicPortal.Application.EventLogSignal());

        var instances = Enumerable.Range(0, 2).Select(_ => Npgsql.NpgsqlDataSource.Create(connectionString + ";Maximum Pool Size=50")).ToArray();
        var postgres = instances.Select(source => (ClinicPortal.Application.IEventStore)new ClinicPortal.Infrastructure.Postgres.PostgresEventStore(
            source, new ClinicPortal.Application.EventLogSignal(), new ClinicPortal.Infrastructure.Postgres.PostgresInstance())).ToArray();

        var (single, distinct, contended) = (quick ? 100 : 500, quick ? 500 : 3000, quick ? 10 : 40);
        var results = new List<(Throughput Figures, double Raw)>();
        async Task Run(string name, ClinicPortal.Application.IEventStore[] stores, int slots, int callers, int attempts, double baseline)
        {
            var day = await LogScenarios.ScheduleAsync(stores[0], slots);
            results.Add((await LogScenarios.BookAsync(name, stores, day, callers, attempts), baseline));
        }
        await Run("SQLite, single caller", [sqlite], single, 1, 1, raw);
        await Run("SQLite, 50 callers", [sqlite], distinct, 50, 1, raw);
        await Run("SQLite, 50 callers, contended", [sqlite], contended, 50, 50, raw);
        await Run("PostgreSQL, single caller", [postgres[0]], single, 1, 1, rawPostgres);
        await Run("PostgreSQL, 1 instance, 50 callers", [postgres[0]], distinct, 50, 1, rawPostgres);
        await Run("PostgreSQL, 2 instances, 50 callers", postgres, distinct, 50, 1, rawPostgres);
        await Run("PostgreSQL, 2 instances, contended", postgres, contended, 50, 50, rawPostgres);
        foreach (var (t, baseline) in results)
            Console.WriteLine($"   {t.Name,-38} {t.PerSecond,8:N0} ops/s  = {t.PerSecond / baseline,5:P0} of its raw   p50 {t.P50Ms,6:N2} ms  p99 {t.P99Ms,7:N2} ms  ({t.Operations:N0} ops)");
        foreach (var source in instances)
            await source.DisposeAsync();
    }
    finally
    {
        server.Stop();
    }
}

async Task BookingOnPostgresAsync(double raw)
{
    Console.WriteLine("10. Booking handler end to end (section 2's work: read, decide, conditional append, read models) on each database:");
    ClinicPortal.Tests.Shared.PostgresServer server;
    try
    {
        server = await ClinicPortal.Tests.Shared.PostgresServer.StartAsync(durable: true);
    }
    catch (InvalidOperationException exception)
    {
        Console.WriteLine($"   not measured: {exception.Message}");
        return;
    }
    try
    {
        var connectionString = server.ConnectionString("booking");
        await ClinicPortal.Infrastructure.Postgres.PostgresLogSchema.EnsureAsync(connectionString);
        var rawPostgres = await LogScenarios.RawPostgresAsync(connectionString, quick ? 500 : 3000);
        Console.WriteLine($"   Raw PostgreSQL limit (section 9's) ........................ {rawPostgres,8:N0} tx/s   (SQLite's, section 1: {raw:N0})");
        var onPostgres = new Dictionary<string, string?> { ["Data:Provider"] = "Postgres", ["ConnectionStrings:Clinic"] = connectionString + ";Maximum Pool Size=50" };
        await using var sqlite = await Harness.StartAsync(Path.Combine(root, "booking-sqlite"));
        await using var first = await Harness.StartAsync(Path.Combine(root, "booking-pg-1"), onPostgres);
        await using var second = await Harness.StartAsync(Path.Combine(root, "booking-pg-2"), onPostgres);

        var (single, distinct, contended) = (quick ? 100 : 500, quick ? 500 : 2000, quick ? 10 : 40);
        var results = new List<(Throughput Figures, double Raw)>();
        var nextDay = new Dictionary<string, int>();
        async Task Run(string name, Harness[] instances, int slots, int callers, int attempts, double baseline)
        {
            // Fresh days of the database for each line (within the 60 days patients may book ahead): every clinician's 36
            // slots a day, as many days as the line books.
            var days = (int)Math.Ceiling(slots / (36.0 * BookingScenarios.Clinicians.Length));
            var database = name.Split(',')[0];
            var firstDay = nextDay.GetValueOrDefault(database, 1);
            nextDay[database] = firstDay + days;
            var scheduled = (await BookingScenarios.ScheduleAsync(instances[0], firstDay, days)).Select(s => s.SlotId).Take(slots).ToArray();
            results.Add((await BookingScenarios.BookAsync(instances, name, scheduled, callers, attempts), baseline));
        }
        await Run("SQLite, single caller", [sqlite], single, 1, 1, raw);
        await Run("SQLite, 50 callers", [sqlite], distinct, 50, 1, raw);
        await Run("SQLite, 50 callers, contended", [sqlite], contended, 50, 50, raw);
        await Run("PostgreSQL, single caller", [first], single, 1, 1, rawPostgres);
        await Run("PostgreSQL, 1 instance, 50 callers", [first], distinct, 50, 1, rawPostgres);
        await Run("PostgreSQL, 2 instances, 50 callers", [first, second], distinct, 50, 1, rawPostgres);
        await Run("PostgreSQL, 2 instances, contended", [first, second], contended, 50, 50, rawPostgres);
        foreach (var (t, baseline) in results)
            Console.WriteLine($"   {t.Name,-38} {t.PerSecond,8:N0} ops/s  = {t.PerSecond / baseline,5:P0} of its raw   p50 {t.P50Ms,6:N2} ms  p99 {t.P99Ms,7:N2} ms  ({t.Operations:N0} ops)");
    }
    finally
    {
        server.Stop();
    }
}

async Task AsOfAsync(double raw)
{
    var (directory, events) = await MillionAsync();
    await using var app = await Harness.StartAsync(directory); // (rebuilds the read models first, unless section 4 did)
    var asOf = app.Get<ClinicPortal.Infrastructure.ReadModels.DayAsOf>();
    var live = app.Get<ClinicPortal.Infrastructure.ReadModels.ScheduleReadModel>();
    var clinicians = BookingScenarios.Clinicians;
    var days = (int)(events / 35 / clinicians.Length); // MillionEvents: 35 events per clinician-day
    var random = new Random(11);
    var (past, now) = (new List<double>(), new List<double>());
    for (var i = 0; i < (quick ? 50 : 300); i++)
    {
        var date = new DateOnly(2010, 1, 4).AddDays(random.Next(days));
        var moment = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var position = await asOf.PositionAtAsync(moment);
        var view = await asOf.DayAsync(date, position, clinicians);
        past.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (view.Clinicians.Sum(c => c.Day.Slots.Count) == 0)
            throw new InvalidOperationException($"The day {date} as of {moment} came back empty.");
        started = System.Diagnostics.Stopwatch.GetTimestamp();
        foreach (var clinician in clinicians)
        {
            await live.ClinicianDayAsync(clinician, date);
            await live.DayAppointmentsAsync(clinician, date);
        }
        now.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    past.Sort();
    now.Sort();
    Console.WriteLine($"11. A 5-clinician day as of a past moment, in a log of {events:N0} events (the moment's position found, the day's events folded):");
    Console.WriteLine($"   as of a moment     p50 {Measure.Percentile(past, 50),7:N2} ms   p99 {Measure.Percentile(past, 99),7:N2} ms   max {past[^1],7:N2} ms   ({past.Count} reads)");
    Console.WriteLine($"   now (read models)  p50 {Measure.Percentile(now, 50),7:N2} ms   p99 {Measure.Percentile(now, 99),7:N2} ms   (one raw append: {1000 / raw:N2} ms)");
}

// 13. What recording a look at a patient's details costs the page that records it: the call (queued in memory), beside a
// page's own read of the same patient (its appointments from the read model), and the time the writer takes per look.
async Task AccessLogAsync(double raw)
{
    var directory = Path.Combine(root, "access-log");
    Directory.CreateDirectory(directory);
    await using var app = await Harness.StartAsync(directory);
    var log = app.Get<ClinicPortal.Infrastructure.Privacy.AccessLog>();
    var record = (ClinicPortal.Application.Ports.IAccessLog)log;
    var schedule = app.Get<ClinicPortal.Infrastructure.ReadModels.ScheduleReadModel>();
    var viewer = ClinicPortal.Domain.Actor.Receptionist(Guid.NewGuid());
    var patient = Guid.NewGuid();
    var looks = quick ? 2_000 : 20_000;
    var (calls, reads) = (new List<double>(looks), new List<double>());
    for (var i = 0; i < 100; i++) // warmed up, as a running app is (the first call compiles the path)
        record.Record(patient, viewer, "warm-up");
    await schedule.AppointmentsOfPatientAsync(patient, 100, 0);
    await log.FlushAsync();
    for (var i = 0; i < looks; i++)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        record.Record(patient, viewer, "their page of appointments");
        calls.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (i % 1000 == 999)
            await log.FlushAsync(); // as the writer does, between the page's calls
        if (i % 20 == 0)
        {
            started = System.Diagnostics.Stopwatch.GetTimestamp();
            await schedule.AppointmentsOfPatientAsync(patient, 100, 0);
            reads.Add(System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
    }
    var flushStarted = System.Diagnostics.Stopwatch.GetTimestamp();
    for (var i = 0; i < 1000; i++)
        record.Record(patient, viewer, "their page of appointments");
    await log.FlushAsync();
    var perLookWritten = System.Diagnostics.Stopwatch.GetElapsedTime(flushStarted).TotalMilliseconds / 1000;
    calls.Sort();
    reads.Sort();
    Console.WriteLine($"13. Recording a look at a patient's details ({looks:N0} looks; the page never waits for the database):");
    Console.WriteLine($"   Record (the page's cost)        p50 {Measure.Percentile(calls, 50) * 1000,8:N2} µs   p99 {Measure.Percentile(calls, 99) * 1000,8:N2} µs   max {calls[^1] * 1000,8:N2} µs");
    Console.WriteLine($"   the page's own read (baseline)  p50 {Measure.Percentile(reads, 50) * 1000,8:N2} µs   p99 {Measure.Percentile(reads, 99) * 1000,8:N2} µs   (one raw append: {1000 / raw:N2} ms)");
    Console.WriteLine($"   written by the writer           {perLookWritten * 1000,8:N2} µs a look, in batches of up to 200");
}

