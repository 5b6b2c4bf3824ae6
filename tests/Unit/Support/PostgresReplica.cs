using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ClinicPortal.Infrastructure.Postgres;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>
/// The read-model specs on PostgreSQL: a test that built a log on SQLite hands it here, and every event is appended,
/// in order and with its own who and when, to a new log on the tests' PostgreSQL server through the PostgreSQL store
/// with the same projections. Every read-model table must then hold the same rows on both, live and after a rebuild.
/// </summary>
public static class PostgresReplica
{
    public static async Task AssertSameReadModelsAsync(TestApp app)
    {
        var projections = app.Services.GetServices<IProjection>().ToArray();
        var connectionString = (await PostgresServer.SharedAsync()).NewDatabase("replica");
        await PostgresLogSchema.EnsureAsync(connectionString);
        await using var source = NpgsqlDataSource.Create(connectionString);
        var readModels = new ReadModelRebuilder(new PostgresDatabase(source, connectionString, app.Directory), projections, NullLogger<ReadModelRebuilder>.Instance);
        await readModels.RebuildOutdatedAsync();
        await using (var store = new PostgresEventStore(source, projections, new EventLogSignal(), new PostgresInstance()))
        {
            foreach (var stored in await app.Get<IEventStore>().ReadAfterAsync(0, int.MaxValue))
                Assert.Equal(stored.Position, await store.AppendAsync([stored.Event], new EventMetadata(stored.CausedBy, stored.RecordedAt), null));
        }
        await AssertSameAsync(app, source, readModels);

        // The reactions' checkpoints keep there too.
        var checkpoints = new ClinicPortal.Infrastructure.EventStore.Checkpoints(new PostgresDatabase(source, app.Directory));
        Assert.Equal(0, await checkpoints.GetAsync("quota"));
        await checkpoints.SaveAsync("quota", 41);
        await checkpoints.SaveAsync("quota", 42);
        Assert.Equal(42, await checkpoints.GetAsync("quota"));
    }

    /// <summary>
    /// Every read-model table of <paramref name="app"/>'s SQLite file holds the same rows in the PostgreSQL database
    /// (as it is, and after a rebuild there), and every query gets the same answers of both.
    /// </summary>
    public static async Task AssertSameAsync(TestApp app, NpgsqlDataSource source, ReadModelRebuilder? readModels = null)
    {
        var projections = app.Services.GetServices<IProjection>().ToArray();
        readModels ??= new ReadModelRebuilder(new PostgresDatabase(source, app.Directory), projections, NullLogger<ReadModelRebuilder>.Instance);

        var onSqlite = await DumpAsync(projections, async sql =>
        {
            await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
            return await RowsAsync(connection, sql);
        });
        Task<List<string>> FromPostgres(string sql) => Task.Run(async () =>
        {
            await using var connection = await source.OpenConnectionAsync();
            return await RowsAsync(connection, sql);
        });
        Assert.Equal(onSqlite, await DumpAsync(projections, FromPostgres));
        await readModels.RebuildAllAsync();
        Assert.Equal(onSqlite, await DumpAsync(projections, FromPostgres));

        // And the pages' questions get the same answers there.
        var postgres = new PostgresDatabase(source, app.Directory);
        Assert.Equal(await AnswersAsync(app.Get<ClinicDatabase>(), app), await AnswersAsync(postgres, app));
    }

    private static IEnumerable<string> Described(IEnumerable<StoredEvent> events) =>
        events.Select(e => $"{e.Position} {e.RecordedAt:O} {e.CausedBy} {string.Join(' ', e.Tags)} {A.Describe(e.Event)}");

    /// <summary>Every read model's queries, asked of every day, clinician, patient and booking in the log, as JSON.</summary>
    private static async Task<List<string>> AnswersAsync(ClinicDatabase database, TestApp app)
    {
        var now = app.Clock.GetUtcNow();
        // The texts about patients open with the app's keys, on either database (the replica holds the events as sealed).
        var keys = app.Get<Infrastructure.Privacy.PersonalKeys>();
        var schedule = new ScheduleReadModel(database, new EventLogSignal(), keys);
        var holds = new HoldsReadModel(database);
        var waits = new WaitlistReadModel(database);
        var conflicts = new ConflictsReadModel(database, keys);
        var sqlite = app.Get<ClinicDatabase>();
        var days = (await sqlite.RowsAsync<DayRow>("SELECT DISTINCT doctor_id, date FROM rm_doctor_days ORDER BY 1, 2;", default))
            .Select(d => (Clinician: d.ClinicianId, Date: DateOnly.Parse(d.Date))).ToArray();
        var bookings = (await sqlite.RowsAsync<AppointmentRow>("SELECT booking_id, patient_id FROM rm_bookings ORDER BY 1;", default))
            .Select(b => (Appointment: b.AppointmentId, Patient: b.PatientId)).ToArray();
        var slots = await sqlite.RowsAsync<Guid>("SELECT slot_id FROM rm_slots ORDER BY 1;", default);
        var answers = new List<string>();
        void Add(string question, object? answer) => answers.Add(question + " = " + System.Text.Json.JsonSerializer.Serialize(answer));
        foreach (var date in days.Select(d => d.Date).Distinct())
        {
            Add($"available {date}", await schedule.AvailableSlotsAsync(date, now));
            Add($"booked {date}", await schedule.BookedSlotsAsync(date, now));
            Add($"rooms taken {date}", await schedule.RoomsTakenAsync(date));
            Add($"room time {date}", await schedule.RoomTimeAsync(date));
            Add($"waiting on {date}", await waits.WaitingOnAsync(date));
        }
        foreach (var (doctor, date) in days)
        {
            Add($"day {doctor} {date}", await schedule.ClinicianDayAsync(doctor, date));
            Add($"day bookings {doctor} {date}", await schedule.DayAppointmentsAsync(doctor, date));
        }
        foreach (var patient in bookings.Select(b => b.Patient).Distinct())
        {
            Add($"future {patient}", await schedule.FutureAppointmentsAsync(patient, now));
            Add($"history {patient}", await schedule.AppointmentsOfPatientAsync(patient, 100, 0));
            Add($"waits {patient}", await waits.OpenOfPatientAsync(patient, DateOnly.FromDateTime(now.UtcDateTime)));
            foreach (var month in days.Select(d => d.Date.ToString("yyyy-MM")).Distinct())
                Add($"usage {patient} {month}", await schedule.MonthlyUsageAsync(patient, month));
        }
        foreach (var (booking, _) in bookings)
        {
            Add($"booking {booking}", await schedule.AppointmentAsync(booking));
            Add($"parts {booking}", await schedule.PartsAsync(booking));
            Add($"slots {booking}", await schedule.SlotIdsOfAsync(booking));
            Add($"hold {booking}", (await holds.HoldsOfAppointmentsAsync([booking])).Values.Cast<Guid?>().SingleOrDefault());
            Add($"conflicts {booking}", await conflicts.OfAppointmentAsync(booking));
        }
        foreach (var slot in slots)
            Add($"slot bookings {slot}", await schedule.AppointmentsOfSlotAsync(slot));
        var all = bookings.Select(b => b.Appointment).ToArray();
        Add("days at once", await schedule.ClinicianDaysAsync(days.Select(d => (d.Clinician, d.Date)).ToArray()));
        Add("day bookings at once", await schedule.DayAppointmentsAsync(days.Select(d => (d.Clinician, d.Date)).ToArray()));
        Add("events of bookings", (await new AuditTrail(database, keys).ReadTaggedAnyAsync(all.Select(Tag.Appointment).ToArray(), perTag: 2)).Select(e => e.Position));
        Add("holds of bookings", (await holds.HoldsOfAppointmentsAsync(all)).OrderBy(h => h.Key).ToArray());
        Add("slots of bookings", (await schedule.SlotIdsOfAsync(all)).OrderBy(s => s.Key).ToArray());
        Add("days of slots", await schedule.DaysOfSlotsAsync(slots));
        Add("room of slots", await schedule.RoomOfSlotsAsync(slots));
        Add("open conflicts", await conflicts.OpenAsync(now));
        Add("open waits", await waits.OpenAsync(DateOnly.FromDateTime(now.UtcDateTime)));
        Add("rooms", await new RoomsReadModel(database, new EventLogSignal()).AllAsync());
        Add("visit types", await new VisitTypeCatalogueReadModel(database, new EventLogSignal()).AllAsync());
        var audit = new AuditTrail(database, keys);
        Add("audit", Described(await audit.ReadAsync(new AuditFilter(Limit: 1000))));
        foreach (var (doctor, date) in days)
        {
            Add($"audit of {doctor}", Described(await audit.ReadAsync(new AuditFilter(ClinicianId: doctor))));
            Add($"audit of {date}", Described(await audit.ReadAsync(new AuditFilter(Date: date))));
        }
        foreach (var patient in bookings.Select(b => b.Patient).Distinct())
            Add($"audit of {patient}", Described(await audit.ReadAsync(new AuditFilter(PatientId: patient, Limit: 5))));
        Add("due", await holds.DueAsync(now.AddDays(400), TimeSpan.FromHours(24), 1000));
        Add("next due", await holds.NextDueAsync(now, TimeSpan.FromHours(24)));
        return answers;
    }

    private static async Task<SortedDictionary<string, List<string>>> DumpAsync(IEnumerable<IProjection> projections, Func<string, Task<List<string>>> rows)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in projections.SelectMany(p => p.Tables))
            tables[table] = await rows($"SELECT * FROM {table};");
        return tables;
    }

    /// <summary>
    /// Every row as text, each value as SQLite keeps it, so that rows of both databases compare: PostgreSQL's uuid as the
    /// text of the id, its boolean as 1 or 0.
    /// </summary>
    public static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i => $"{reader.GetName(i)}={AsSqliteKeepsIt(reader, i)}")));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }

    private static string AsSqliteKeepsIt(System.Data.Common.DbDataReader reader, int column) => reader.IsDBNull(column) ? "NULL" : reader.GetValue(column) switch
    {
        bool flag => flag ? "1" : "0",
        var value => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
    };

    private sealed class DayRow
    {
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
    }

    private sealed class AppointmentRow
    {
        public Guid AppointmentId { get; init; }
        public Guid PatientId { get; init; }
    }
}
