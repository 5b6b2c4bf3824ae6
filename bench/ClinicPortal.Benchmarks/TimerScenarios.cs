using ClinicPortal.Features.Clock;
using System.Diagnostics;
using System.Globalization;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Features.Holds;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Benchmarks;

public sealed record TimerFigures(
    int Future, int Due, int Done, double P50Ms, double P99Ms, double MaxMs, double NextDueLookupMs, double HeapMbIdle, double RssMbIdle, double HeapMbAfter,
    double RssMbAfter, double PerSecond, string Note);

/// <summary>
/// The practice's clock with 100,000 future reminders: their bookings written straight into the log (as the store writes
/// them) and the read models rebuilt, so <c>rm_timers</c> holds a reminder for each; then a few thousand bookings whose
/// reminders fall due within the next seconds are appended through the store, and the clock's own hosted service
/// (<see cref="DueTimers"/>) runs. Lateness is when each <c>ReminderSent</c> was committed (the store's signal, in
/// process) minus when it fell due.
/// </summary>
public static class TimerScenarios
{
    /// <param name="raw">The raw append rate: how long appending the due bookings takes, before the first falls due.</param>
    public static async Task<TimerFigures> RemindersAsync(string directory, int future, int due, double raw)
    {
        var now = DateTimeOffset.UtcNow;
        await using (var schema = await Harness.StartAsync(directory)) { }
        var watch = Stopwatch.StartNew();
        await WriteFutureAsync(directory, future, now);
        Console.Error.WriteLine($"   (wrote {future:N0} future bookings in {watch.Elapsed.TotalSeconds:N1} s)");
        await using var app = await Harness.StartAsync(directory);
        Console.Error.WriteLine($"   (started in {watch.Elapsed.TotalSeconds:N1} s)");
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Console.Error.WriteLine($"   (read models rebuilt by {watch.Elapsed.TotalSeconds:N1} s)");
        var timers = app.Get<HoldsReadModel>();
        var lead = app.Get<PracticeSettings>().Current.ReminderLead!.Value;

        // The lookup the clock makes each time it wakes, with every timer in place.
        var lookups = new List<double>();
        for (var i = 0; i < 200; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await timers.NextDueAsync(DateTimeOffset.UtcNow, lead);
            lookups.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        lookups.Sort();
        var (heapIdle, rssIdle) = Memory();

        // When each append committed, by its position (the signal is raised after the commit).
        var committed = new System.Collections.Concurrent.ConcurrentDictionary<long, DateTimeOffset>();
        app.Get<EventLogSignal>().Appended += appended => committed[appended.LastPosition] = DateTimeOffset.UtcNow;
        var clock = app.Get<DueTimers>();
        using var stop = new CancellationTokenSource();
        await clock.StartAsync(stop.Token);

        // Bookings whose reminders fall due a few seconds on, 250 a second (well within what the clock does a second: this
        // measures how late it acts, not a backlog), appended as the app appends while the clock runs.
        var store = app.Get<IEventStore>();
        // Time enough to append them all first: a booking with its read models takes a few raw appends' time.
        var dueFrom = DateTimeOffset.UtcNow + TimeSpan.FromSeconds(3 + 20.0 * due / raw) + lead;
        var spread = TimeSpan.FromSeconds(due / 250.0);
        for (var i = 0; i < due; i++)
        {
            var start = dueFrom + spread * i / due;
            var clinician = Guid.NewGuid();
            var date = DateOnly.FromDateTime(start.UtcDateTime);
            var slot = new ScheduledSlot(Guid.NewGuid(), start);
            await store.AppendAsync([new DayScheduled(clinician, date, [slot]), new SlotsBooked(Guid.NewGuid(), Guid.NewGuid(), clinician, date, [slot], "bench")],
                new EventMetadata("bench", DateTimeOffset.UtcNow), null);
        }
        var late = DateTimeOffset.UtcNow > dueFrom - lead ? " (the appends ran past the first due time)" : "";

        var deadline = dueFrom - lead + spread + TimeSpan.FromSeconds(30);
        var done = 0;
        while (DateTimeOffset.UtcNow < deadline && (done = await CountAsync(directory)) < due)
            await Task.Delay(250);
        var elapsed = DateTimeOffset.UtcNow - (dueFrom - lead);
        await stop.CancelAsync();
        await clock.StopAsync(CancellationToken.None);
        var (heapAfter, rssAfter) = Memory();

        var lateness = await LatenessAsync(directory, lead, committed);
        return new TimerFigures(future, due, lateness.Count, Measure.Percentile(lateness, 50), Measure.Percentile(lateness, 99), lateness.Count == 0 ? double.NaN : lateness[^1],
            Measure.Percentile(lookups, 50), heapIdle, rssIdle, heapAfter, rssAfter, done / Math.Max(0.001, elapsed.TotalSeconds), late);
    }

    private static (double HeapMb, double RssMb) Memory()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        using var process = Process.GetCurrentProcess();
        return (GC.GetTotalMemory(false) / 1048576.0, process.WorkingSet64 / 1048576.0);
    }

    /// <summary>Per clinician-day (50 clinicians, from the day after tomorrow on): 36 slots, each booked a week ago.</summary>
    private static async Task WriteFutureAsync(string directory, int bookings, DateTimeOffset now)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        var clinicians = Enumerable.Range(0, 50).Select(_ => Guid.NewGuid()).ToArray();
        var recorded = now.AddDays(-7).ToString("O", CultureInfo.InvariantCulture);
        var written = 0;
        for (var day = 0; written < bookings; day++)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var session = new Infrastructure.Data.SqlSession(connection, transaction);
            for (var n = 0; n < 100 && written < bookings; n++, day++)
            {
                var clinician = clinicians[day % clinicians.Length];
                var date = DateOnly.FromDateTime(now.UtcDateTime).AddDays(2 + day / clinicians.Length);
                var first = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                var slots = Enumerable.Range(0, 36).Select(i => new ScheduledSlot(Guid.NewGuid(), first.AddMinutes(10 * i))).ToArray();
                var events = new List<IClinicEvent> { new DayScheduled(clinician, date, slots) };
                foreach (var slot in slots.Take(Math.Min(36, bookings - written)))
                {
                    events.Add(new SlotsBooked(Guid.NewGuid(), Guid.NewGuid(), clinician, date, [slot], "bench"));
                    written++;
                }
                foreach (var @event in events)
                {
                    var type = EventTypes.NameOf(@event);
                    var tags = EventTags.Of(@event);
                    var position = (long)(await session.ScalarAsync(
                        "INSERT INTO events (type, data, tags, recorded_at, caused_by) VALUES (@type, @data, @tags, @at, 'bench') RETURNING position;",
                        default, ("@type", type), ("@data", EventSerializer.Serialize(@event)), ("@tags", string.Join(' ', tags)), ("@at", recorded)))!;
                    foreach (var tag in tags.Distinct())
                        await session.ExecuteAsync("INSERT INTO event_tags (tag, position, type) VALUES (@tag, @p, @type);",
                            default, ("@tag", tag.Value), ("@p", position), ("@type", type));
                }
            }
            await transaction.CommitAsync();
        }
    }

    private static async Task<int> CountAsync(string directory)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM events WHERE type = 'ReminderSent';";
        return (int)(long)(await command.ExecuteScalarAsync())!;
    }

    /// <summary>When each reminder committed minus when it fell due (its appointment's start less the lead), in ms, sorted.</summary>
    private static async Task<List<double>> LatenessAsync(string directory, TimeSpan lead, IReadOnlyDictionary<long, DateTimeOffset> committed)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT data, position FROM events WHERE type = 'ReminderSent';";
        // The store commits appends that arrive together in one transaction and signals once, with the last position: an
        // event committed at the first signal at or after its position.
        var signals = committed.OrderBy(p => p.Key).ToArray();
        var positions = signals.Select(p => p.Key).ToArray();
        var lateness = new List<double>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var sent = (ReminderSent)EventSerializer.Deserialize(nameof(ReminderSent), reader.GetString(0));
            var position = reader.GetInt64(1);
            var at = Array.BinarySearch(positions, position) is var i && i < 0 ? ~i : i;
            if (at < signals.Length)
                lateness.Add((signals[at].Value - (sent.StartUtc - lead)).TotalMilliseconds);
        }
        lateness.Sort();
        return lateness;
    }
}
