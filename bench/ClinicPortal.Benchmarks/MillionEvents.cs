using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Benchmarks;

/// <summary>A log of a million events, written straight into the tables (as the store writes them), then rebuilt and started on.</summary>
public static class MillionEvents
{
    /// <summary>Per clinician-day: a DayScheduled of 36 slots, 30 SlotsBooked, 4 of them cancelled again: 35 events.</summary>
    public static async Task<long> GenerateAsync(string directory, int target)
    {
        await using (var app = await Harness.StartAsync(directory)) { } // schema
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(directory, "clinic.db")};Pooling=false");
        await connection.OpenAsync();
        await Exec(connection, "PRAGMA synchronous=OFF;");
        var clinicians = BookingScenarios.Clinicians;
        var start = new DateOnly(2010, 1, 4);
        long position = 0;
        var day = 0;
        while (position < target)
        {
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using var session = new Infrastructure.Data.SqlSession(connection, transaction);
            for (var n = 0; n < 200 && position < target; n++, day++)
            {
                var clinician = clinicians[day % clinicians.Length];
                var date = start.AddDays(day / clinicians.Length);
                var first = new DateTimeOffset(date.ToDateTime(new TimeOnly(9, 0)), TimeSpan.Zero);
                var slots = Enumerable.Range(0, 36).Select(i => new ScheduledSlot(Guid.NewGuid(), first.AddMinutes(10 * i))).ToArray();
                var events = new List<IClinicEvent> { new DayScheduled(clinician, date, slots) };
                var bookings = new List<SlotsBooked>();
                for (var i = 0; i < 30; i++)
                {
                    var booked = new SlotsBooked(Guid.NewGuid(), Guid.NewGuid(), clinician, date, [slots[i]], "bench");
                    bookings.Add(booked);
                    events.Add(booked);
                }
                foreach (var b in bookings.Take(4))
                    events.Add(new AppointmentCancelled(b.AppointmentId, b.PatientId, clinician, date, b.Slots, CancellationReason.Patient, "bench"));
                foreach (var @event in events)
                {
                    var type = EventTypes.NameOf(@event);
                    var tags = EventTags.Of(@event);
                    position = (long)(await session.ScalarAsync(
                        "INSERT INTO events (type, data, tags, recorded_at, caused_by) VALUES (@type, @data, @tags, @at, 'bench') RETURNING position;",
                        default, ("@type", type), ("@data", EventSerializer.Serialize(@event)), ("@tags", string.Join(' ', tags)),
                        ("@at", first.ToString("O", CultureInfo.InvariantCulture))))!;
                    foreach (var tag in tags.Distinct())
                        await session.ExecuteAsync("INSERT INTO event_tags (tag, position, type) VALUES (@tag, @p, @type);",
                            default, ("@tag", tag.Value), ("@p", position), ("@type", type));
                }
            }
            await transaction.CommitAsync();
        }
        // A running practice's background services have long caught up with its history.
        await Exec(connection, $"INSERT OR REPLACE INTO checkpoints (name, position) VALUES ('monthly-quota', {position}), ('email-outbox', {position});");
        return position;
    }

    public static async Task<TimeSpan> RebuildAsync(string directory)
    {
        await using var app = await Harness.StartAsync(directory);
        var watch = Stopwatch.StartNew();
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        return watch.Elapsed;
    }

    /// <summary>From starting the published app on that data folder to /health/ready answering 200.</summary>
    public static async Task<TimeSpan?> StartUpAsync(string directory, string? appPath)
    {
        if (appPath is null || !File.Exists(appPath))
            return null;
        await using var app = await PublishedApp.StartAsync(appPath, directory);
        return app?.StartUp;
    }

    private static async Task Exec(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }
}
