using System.Collections.Concurrent;
using System.Diagnostics;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using Npgsql;

namespace ClinicPortal.Benchmarks;

/// <summary>
/// The event log alone, on SQLite and on PostgreSQL: a booking decision's read and conditional append (no read
/// models), by one caller and by 50, on one instance and on two sharing one database.
/// </summary>
public static class LogScenarios
{
    private static readonly DateOnly Day = new(2027, 3, 1);

    /// <summary>The raw PostgreSQL limit, as section 1 is SQLite's: per transaction one indexed check and two inserts, one connection, fsync on.</summary>
    public static async Task<double> RawPostgresAsync(string connectionString, int transactions)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand("""
            CREATE TABLE raw_events (position bigserial PRIMARY KEY, type text NOT NULL, data text NOT NULL);
            CREATE TABLE raw_event_tags (tag text NOT NULL, position bigint NOT NULL, PRIMARY KEY (tag, position));
            """, connection))
            await create.ExecuteNonQueryAsync();
        await using var check = new NpgsqlCommand("SELECT EXISTS (SELECT 1 FROM raw_event_tags WHERE tag = @tag AND position > @after);", connection);
        check.Parameters.Add(new NpgsqlParameter<string>("tag", ""));
        check.Parameters.Add(new NpgsqlParameter<long>("after", 0L));
        await using var insertEvent = new NpgsqlCommand("INSERT INTO raw_events (type, data) VALUES ('SlotsBooked', @data) RETURNING position;", connection);
        insertEvent.Parameters.Add(new NpgsqlParameter<string>("data", ""));
        await using var insertTag = new NpgsqlCommand("INSERT INTO raw_event_tags (tag, position) VALUES (@tag, @position);", connection);
        insertTag.Parameters.Add(new NpgsqlParameter<string>("tag", ""));
        insertTag.Parameters.Add(new NpgsqlParameter<long>("position", 0L));

        var watch = Stopwatch.StartNew();
        for (var i = 0; i < transactions; i++)
        {
            await using var transaction = await connection.BeginTransactionAsync();
            var tag = $"slot:{Guid.NewGuid():N}";
            check.Parameters[0].Value = tag;
            check.Parameters[1].Value = (long)i;
            await check.ExecuteScalarAsync();
            insertEvent.Parameters[0].Value = $"{{\"slot\":\"{tag}\"}}";
            var position = (long)(await insertEvent.ExecuteScalarAsync())!;
            insertTag.Parameters[0].Value = tag;
            insertTag.Parameters[1].Value = position;
            await insertTag.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
        return transactions / watch.Elapsed.TotalSeconds;
    }

    /// <summary>Ten-minute slots of one day of many clinicians, appended as scheduled days (the decisions' earlier events).</summary>
    public static async Task<IReadOnlyList<ScheduledSlot>> ScheduleAsync(IEventStore store, int slots)
    {
        var all = new List<ScheduledSlot>();
        var start = new DateTimeOffset(2027, 3, 1, 9, 0, 0, TimeSpan.Zero);
        for (var clinician = 0; all.Count < slots; clinician++)
        {
            var day = Enumerable.Range(0, 36).Select(i => new ScheduledSlot(Guid.NewGuid(), start.AddMinutes(10 * i))).ToArray();
            await store.AppendAsync([new DayScheduled(ClinicianOf(clinician), Day, day)], new EventMetadata("bench", DateTimeOffset.UtcNow), null);
            all.AddRange(day);
        }
        return all.Take(slots).ToList();
    }

    /// <summary>
    /// Books each slot <paramref name="attemptsPerSlot"/> times through the given instances (callers take turns on
    /// them): read the slot's and the patient's events, refuse if booked, else append on the condition that nothing
    /// about either came meanwhile, retrying a refused append with a fresh read, as the app's command executor does.
    /// </summary>
    public static async Task<Throughput> BookAsync(string name, IReadOnlyList<IEventStore> instances, IReadOnlyList<ScheduledSlot> slots, int callers, int attemptsPerSlot = 1)
    {
        var work = new ConcurrentQueue<ScheduledSlot>(slots.SelectMany(slot => Enumerable.Repeat(slot, attemptsPerSlot)));
        var latencies = new ConcurrentBag<double>();
        var accepted = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, callers).Select(caller => Task.Run(async () =>
        {
            var store = instances[caller % instances.Count];
            while (work.TryDequeue(out var slot))
            {
                var patient = Guid.NewGuid();
                var started = Stopwatch.GetTimestamp();
                if (await BookOneAsync(store, slot, patient))
                    Interlocked.Increment(ref accepted);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        })));
        var elapsed = watch.Elapsed;
        if (accepted != slots.Count)
            throw new InvalidOperationException($"{name}: {accepted} bookings for {slots.Count} slots.");
        var sorted = latencies.Order().ToArray();
        return new Throughput(name, sorted.Length, elapsed, Measure.Percentile(sorted, 50), Measure.Percentile(sorted, 99));
    }

    private static async Task<bool> BookOneAsync(IEventStore store, ScheduledSlot slot, Guid patient)
    {
        var query = Query.Tagged(Tag.Slot(slot.SlotId)).Or(Query.Tagged(Tag.PatientMonth(patient, Day)));
        for (var attempt = 1; attempt <= CommandExecutor.MaxAttempts; attempt++)
        {
            var seen = await store.ReadAsync(query);
            var day = seen.Events.Select(e => e.Event).OfType<DayScheduled>().Single();
            if (seen.Events.Any(e => e.Event is SlotsBooked))
                return false;
            try
            {
                await store.AppendAsync(
                    [new SlotsBooked(Guid.NewGuid(), patient, day.ClinicianId, Day, [slot], patient.ToString())],
                    new EventMetadata(patient.ToString(), DateTimeOffset.UtcNow), new AppendCondition(query, seen.LastPosition));
                return true;
            }
            catch (AppendConditionFailedException)
            {
                // Someone else's event about this slot or patient came first: decide again on the log as it is now.
            }
        }
        throw new InvalidOperationException($"Slot {slot.SlotId}: still refused after {CommandExecutor.MaxAttempts} attempts.");
    }

    private static Guid ClinicianOf(int n) => new(n, 0, 0, new byte[8]);
}
