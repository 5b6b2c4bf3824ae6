using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Npgsql;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>
/// A PostgreSQL database made by the version before PostgreSQL kept its own types (<c>Fixtures/postgres-2026-12-07.sql</c>,
/// pg_dump of the saved log of 7 December migrated there, with an account, a message and the dashboard shared) upgrades
/// in place at start: ids become uuid and flags boolean, and every row reads as it did.
/// </summary>
public class PostgresUpgradeTests
{
    private static readonly string Dump = Path.Combine(AppContext.BaseDirectory, "Fixtures", "postgres-2026-12-07.sql");

    [Fact]
    public async Task ADatabaseMadeByTheVersionBefore_UpgradesInPlaceToNativeTypes_AndEveryRowReadsAsItDid()
    {
        var server = await PostgresServer.SharedAsync();
        var name = $"saved_{Guid.NewGuid():N}";
        await server.RestoreAsync(name, Dump);
        var connectionString = server.ConnectionString(name);
        var tables = await TablesAsync(connectionString);
        Assert.Contains("rm_slots", tables);
        Assert.Contains("AspNetUsers", tables);
        var before = await DumpAsync(connectionString, tables);
        Assert.Equal("text", await TypeOfAsync(connectionString, "rm_slots", "slot_id"));
        Assert.Equal("bigint", await TypeOfAsync(connectionString, "rm_slots", "staff_only"));

        var folder = Directory.CreateTempSubdirectory("clinicportal-upgrade-").FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "postgres.txt"), connectionString);
        await using var app = await TestApp.StartAsync(directory: folder, provider: TestApp.Postgres);

        // PostgreSQL's own types where the data is.
        foreach (var (table, column) in new[] { ("rm_slots", "slot_id"), ("rm_slots", "doctor_id"), ("rm_bookings", "patient_id"), ("rm_holds", "hold_id"),
                     ("rm_conflict_bookings", "room_id"), ("rm_visit_types", "visit_type_id"), ("rm_waits", "wait_id"), ("rm_timers", "subject_id") })
            Assert.Equal("uuid", await TypeOfAsync(connectionString, table, column));
        foreach (var (table, column) in new[] { ("rm_slots", "staff_only"), ("rm_doctor_days", "cancelled"), ("rm_rooms", "in_use"),
                     ("rm_visit_types", "bookable_online"), ("practice_settings", "reception_sees_dashboard") })
            Assert.Equal("boolean", await TypeOfAsync(connectionString, table, column));

        // Every row of every table (the read models rebuilt from the log, the rest converted in place) reads as it did, in
        // the columns it had (a column added since, such as a booking's series, is empty for everything the fixture holds),
        // the texts about patients read opened (the log's two override reasons, sealed in place at this start, and the
        // read models' copies of them), and the checkpoint that says the sealing was done aside.
        var after = WithoutColumns(await DumpAsync(connectionString, tables), ColumnsSinceTheFixture);
        Assert.Equal(2, after["events"].Count(row => row.Contains("sealed:v1:")));
        Assert.Single(after["checkpoints"], row => row.Contains(Infrastructure.Privacy.PersonalTextUpgrade.Name));
        after["checkpoints"].RemoveAll(row => row.Contains(Infrastructure.Privacy.PersonalTextUpgrade.Name));
        var opened = await OpenedAsync(app, after);
        // The fixture's practice had never needed a Data Protection key; protecting the patients' keys made its first.
        Assert.Empty(before["data_protection_keys"]);
        Assert.Single(opened["data_protection_keys"]);
        opened["data_protection_keys"].Clear();
        foreach (var table in before.Keys)
            Assert.True(before[table].SequenceEqual(opened[table]), $"{table}:\n{string.Join('\n', before[table].Except(opened[table]))}\nnow:\n{string.Join('\n', opened[table].Except(before[table]))}");
        Assert.Equal(before, opened);
        Assert.True(app.Get<PracticeSettings>().Current.DashboardSharedWithReception);
        Assert.Equal("020 7946 0000", app.Get<PracticeSettings>().Current.Phone);

        // And the practice carries on there: the patient who let a hold go long ago holds that doctor's time again.
        var events = (await app.Get<IEventStore>().ReadAsync(Query.All)).Events.Select(e => e.Event).ToArray();
        var released = Assert.Single(events.OfType<HoldReleased>());
        var day = events.OfType<DayScheduled>().Single();
        var now = app.Clock.GetUtcNow();
        var free = (await app.Get<ScheduleReadModel>().AvailableSlotsAsync(day.Date, now)).Single().Slots.Last();
        var holdId = Guid.NewGuid();
        var held = await app.Get<CommandExecutor>().ExecuteAsync(
            new Domain.Booking.PlaceHold(holdId, released.PatientId, [free.SlotId], Actor.Patient(released.PatientId), now, now.AddMinutes(5), day.Date));
        Assert.True(held.IsAccepted, $"Refused: {held.Rejection}");
        var hold = await app.Get<HoldsReadModel>().FindAsync(holdId);
        Assert.Equal([free.SlotId], hold?.SlotIds);
        Assert.Equal(released.PatientId, hold?.PatientId);
    }

    private static async Task<string[]> TablesAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' AND table_name NOT IN ('schema_version', 'projection_versions') ORDER BY 1;", connection);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            names.Add(reader.GetString(0));
        return [.. names];
    }

    private static async Task<SortedDictionary<string, List<string>>> DumpAsync(string connectionString, IEnumerable<string> tables)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var rows = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in tables)
            rows[table] = await PostgresReplica.RowsAsync(connection, $"SELECT * FROM \"{table}\";");
        return rows;
    }

    /// <summary>Each sealed text in the rows written as it was before sealing (as the log's JSON escapes it, which for the fixture's texts is as typed).</summary>
    private static async Task<SortedDictionary<string, List<string>>> OpenedAsync(TestApp app, SortedDictionary<string, List<string>> dump)
    {
        var keys = app.Get<Infrastructure.Privacy.PersonalKeys>();
        foreach (var rows in dump.Values)
            for (var i = 0; i < rows.Count; i++)
                foreach (var found in System.Text.RegularExpressions.Regex.Matches(rows[i], "sealed:v1:[0-9a-f]{32}:[A-Za-z0-9_-]+").Select(m => m.Value).Distinct().ToArray())
                    rows[i] = rows[i].Replace(found, Infrastructure.EventStore.EventSerializer.SerializeText((await keys.OpenAsync(found))!)[1..^1]);
        return dump;
    }

    /// <summary>Read-model columns added after the fixture was saved: <c>rm_bookings.series_id</c> (issue 35).</summary>
    private static readonly string[] ColumnsSinceTheFixture = ["series_id", "retention_months", "language"];

    private static SortedDictionary<string, List<string>> WithoutColumns(SortedDictionary<string, List<string>> dump, string[] columns)
    {
        foreach (var rows in dump.Values)
            for (var i = 0; i < rows.Count; i++)
            {
                var kept = rows[i].Split(" | ").Where(cell => !columns.Any(c => cell.StartsWith(c + "=", StringComparison.Ordinal))).ToArray();
                Assert.All(rows[i].Split(" | ").Except(kept), dropped => Assert.EndsWith("=NULL", dropped));
                rows[i] = string.Join(" | ", kept);
            }
        return dump;
    }

    private static async Task<string?> TypeOfAsync(string connectionString, string table, string column)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT data_type FROM information_schema.columns WHERE table_schema = 'public' AND table_name = @table AND column_name = @column;", connection);
        command.Parameters.AddWithValue("table", table);
        command.Parameters.AddWithValue("column", column);
        return (string?)await command.ExecuteScalarAsync();
    }
}
