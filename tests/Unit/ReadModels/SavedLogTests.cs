using System.Text.Json;
using ClinicPortal.Domain;
using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Data.Sqlite;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.ReadModels;

/// <summary>
/// A log saved by the version before visit types (<c>Fixtures/log-2026-12-02.jsonl</c>, with the read-model rows that
/// version built from it) loads into today's: its events read in today's shapes, the read models rebuild to the same
/// rows, and decisions run on it.
/// </summary>
public class SavedLogTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    /// <summary>
    /// A booking's slots as the earlier version kept them in <c>rm_bookings.slot_ids</c> (space-separated, in order), read
    /// from the rows of <c>rm_booking_slots</c> that hold them now.
    /// </summary>
    private static async Task<string> SlotIdsAsync(SqliteConnection connection, string bookingId) =>
        string.Join(' ', (await RowsAsync(connection, "rm_booking_slots"))
            .Where(r => r["booking_id"] == bookingId).OrderBy(r => long.Parse(r["ordinal"]!)).Select(r => r["slot_id"]));

    private static async Task<TestApp> LoadSavedLogAsync(string file = "log-2026-12-02.jsonl")
    {
        var app = await TestApp.StartAsync();
        await InsertAsync(app, file);
        return app;
    }

    /// <summary>
    /// A saved log's events written straight into the app's table, as the version that saved it wrote them (no store, no
    /// sealing), and its read models built from them.
    /// </summary>
    internal static async Task InsertAsync(TestApp app, string file)
    {
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
        await using var transaction = connection.BeginTransaction();
        foreach (var line in await File.ReadAllLinesAsync(Path.Combine(Fixtures, file)))
        {
            var row = JsonDocument.Parse(line).RootElement;
            var position = row.GetProperty("position").GetInt64();
            var type = row.GetProperty("type").GetString()!;
            var tags = row.GetProperty("tags").GetString()!;
            await ExecuteAsync(connection, transaction,
                "INSERT INTO events (position, type, data, tags, recorded_at, caused_by) VALUES (@p, @type, @data, @tags, @at, @by);",
                ("@p", position), ("@type", type), ("@data", row.GetProperty("data").GetString()!), ("@tags", tags),
                ("@at", row.GetProperty("recorded_at").GetString()!), ("@by", row.GetProperty("caused_by").GetString()!));
            foreach (var tag in tags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Distinct())
                await ExecuteAsync(connection, transaction, "INSERT INTO event_tags (tag, position, type) VALUES (@tag, @p, @type);",
                    ("@tag", tag), ("@p", position), ("@type", type));
        }
        await transaction.CommitAsync();
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
    }

    [Fact]
    public async Task TheReadModelsRebuildToTheRowsTheEarlierVersionBuilt_WithItsAppointmentsAsConsultationsAndLongConsultations()
    {
        await using var app = await LoadSavedLogAsync();
        using var saved = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(Fixtures, "log-2026-12-02.read-models.json")));
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();

        foreach (var table in saved.RootElement.EnumerateObject())
        {
            var rebuilt = await RowsAsync(connection, table.Name);
            var earlier = table.Value.EnumerateArray().ToArray();
            Assert.Equal(earlier.Length, rebuilt.Count);
            foreach (var row in earlier)
            {
                var key = row.EnumerateObject().Take(2).Select(c => c.Value.ToString()).ToArray();
                var match = Assert.Single(rebuilt, r => r.Values.Take(2).SequenceEqual(key));
                foreach (var column in row.EnumerateObject())
                    Assert.Equal(column.Value.ValueKind == JsonValueKind.Null ? null : column.Value.ToString(),
                        table.Name == "rm_bookings" && column.Name == "slot_ids" ? await SlotIdsAsync(connection, match["booking_id"]!) : match[column.Name]);
            }
        }

        var bookings = await RowsAsync(connection, "rm_bookings");
        Assert.Contains(bookings, b => b["slot_count"] == "2");
        Assert.All(bookings, b => Assert.Equal(
            (b["slot_count"] == "1" ? VisitType.ConsultationId : VisitType.LongConsultationId).ToString(), b["visit_type_id"]));
        Assert.All(bookings, b => Assert.Null(b["reason"]));
        Assert.All(await RowsAsync(connection, "rm_slots"), s => Assert.Equal("0", s["staff_only"]));
        // Nor were there rooms: no slot and no booking is in one.
        Assert.All(await RowsAsync(connection, "rm_slots"), s => Assert.Null(s["room_id"]));
        Assert.All(bookings, b => Assert.Null(b["room_id"]));
        // The conflicts desk follows the old log too: its live bookings are kept, and nothing in it was a clash.
        Assert.Equal(bookings.Count(b => b["cancelled"] is null), (await RowsAsync(connection, "rm_conflict_bookings")).Count);
        Assert.Empty(await RowsAsync(connection, "rm_conflicts"));
        // The old log on PostgreSQL: appended there through today's store, it builds the same rows.
        await PostgresReplica.AssertSameReadModelsAsync(app);
    }

    [Fact]
    public async Task ItsEventsReadInTodaysShapes_AndAnAppointmentIsDecidedOnThem()
    {
        await using var app = await LoadSavedLogAsync();

        var events = (await app.Get<IEventStore>().ReadAsync(Query.All)).Events.Select(e => e.Event).ToArray();
        var booked = events.OfType<SlotsBooked>().ToArray();
        Assert.NotEmpty(booked);
        Assert.All(booked, b => Assert.Equal(VisitType.ForSlotCount(b.Slots.Count), b.VisitTypeId));
        Assert.All(events.OfType<DayScheduled>(), d => Assert.False(d.StaffOnly));

        // A free slot of the saved log (Tuesday 3 March, after the app's "now") is booked as a Consultation today.
        var free = (await app.Get<ScheduleReadModel>().AvailableSlotsAsync(A.Tomorrow, A.Now)).First().Slots[0];
        var patient = await app.CreateUserAsync("New Patient", "new@mail.example", "Patient");
        var result = await app.Get<BookSlotsHandler>().HandleAsync(patient, [free.SlotId], Actor.Patient(patient));

        Assert.True(result.IsAccepted, $"Refused: {result.Rejection}");
        Assert.Equal(VisitType.ConsultationId, result.Value!.VisitTypeId);
    }

    /// <summary>
    /// Each event of the log saved on 7 December, read and written again today, is the same JSON byte for byte (the
    /// events' derived values, such as a booking's clinicians, are left out by the serializer's options, not by marks on
    /// the domain's records), but for fields added since, which follow as nulls (a release then did not say when).
    /// </summary>
    [Fact]
    public async Task EveryEventOfASavedLogIsWrittenAgainByteForByteAsItWasLogged()
    {
        var lines = await File.ReadAllLinesAsync(Path.Combine(Fixtures, "log-2026-12-07.jsonl"));
        Assert.NotEmpty(lines);
        foreach (var line in lines)
        {
            var row = JsonDocument.Parse(line).RootElement;
            var (type, data) = (row.GetProperty("type").GetString()!, row.GetProperty("data").GetString()!);
            var written = Infrastructure.EventStore.EventSerializer.Serialize(Infrastructure.EventStore.EventSerializer.Deserialize(type, data));
            Assert.StartsWith(data[..^1], written);
            Assert.Matches("^(,\"[A-Za-z]+\":null)*}$", written[(data.Length - 1)..]);
        }
    }

    /// <summary>
    /// <c>Fixtures/log-2026-12-07.jsonl</c>, saved by the version before a release said when it happened and an override
    /// named its clash: a hold let go and one confirmed, a squeeze-in and a move over the clinician's other patient.
    /// </summary>
    [Fact]
    public async Task ALogSavedBeforeReleasesSaidWhenAndOverridesNamedTheirClash_Loads_AndItsOldReleaseStartsNoCoolDown()
    {
        await using var app = await LoadSavedLogAsync("log-2026-12-07.jsonl");
        var events = (await app.Get<IEventStore>().ReadAsync(Query.All)).Events.Select(e => e.Event).ToArray();

        var released = Assert.Single(events.OfType<HoldReleased>());
        Assert.Null(released.At);
        var overridden = events.OfType<SlotsBooked>().Where(b => b.OverrideReason is not null).Cast<IClinicEvent>()
            .Concat(events.OfType<AppointmentMoved>().Where(m => m.OverrideReason is not null)).ToArray();
        Assert.Equal(2, overridden.Length);
        Assert.All(overridden, e => Assert.Null(e is SlotsBooked b ? b.Overrode : ((AppointmentMoved)e).Overrode));
        var audit = new Features.Admin.Audit.AuditText(new Dictionary<Guid, string>(), t => t.ToString("HH:mm"));
        Assert.All(overridden, e => Assert.Contains(", over a clash (", audit.What(e)));

        // The patient who let the hold go long ago holds that doctor's time again at once: an old release starts no cool-down.
        var day = events.OfType<DayScheduled>().Single();
        var free = (await app.Get<ScheduleReadModel>().AvailableSlotsAsync(day.Date, app.Clock.GetUtcNow())).Single().Slots.Last();
        var now = app.Clock.GetUtcNow();
        var held = await app.Get<CommandExecutor>().ExecuteAsync(
            new Domain.Booking.PlaceHold(Guid.NewGuid(), released.PatientId, [free.SlotId], Actor.Patient(released.PatientId), now, now.AddMinutes(5), day.Date));
        Assert.True(held.IsAccepted, $"Refused: {held.Rejection}");

        var rows = await RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(rows, await RebuildTests.DumpAsync(app));
    }

    private static async Task<List<Dictionary<string, string?>>> RowsAsync(SqliteConnection connection, string table)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT * FROM {table};";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, string?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i).ToString()));
        return rows;
    }

    private static async Task ExecuteAsync(SqliteConnection connection, SqliteTransaction transaction, string sql, params (string Name, object Value)[] parameters)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync();
    }
}
