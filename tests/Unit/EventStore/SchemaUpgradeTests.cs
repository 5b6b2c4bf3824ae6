using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Data.Sqlite;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.EventStore;

public class SchemaUpgradeTests
{
    [Fact]
    public async Task ADatabaseOfTheFirstSchemaVersionIsUpgradedInPlaceAndKeepsItsEvents()
    {
        var directory = Directory.CreateTempSubdirectory("clinicportal-upgrade-").FullName;
        var path = Path.Combine(directory, ClinicDatabase.FileName);
        await using (var old = new SqliteConnection($"Data Source={path}"))
        {
            await old.OpenAsync();
            Assert.Equal(1, await SchemaMigrator.MigrateAsync(old, 1, CancellationToken.None));
            await old.ExecuteAsync(
                """
                INSERT INTO events (type, data, tags, recorded_at, caused_by) VALUES ('SlotsRemoved',
                '{"doctorId":"00000000-0000-0000-0000-000000000001","date":"2026-01-01","slotIds":[]}', 'doctor:x', '2026-01-01T00:00:00Z', 'old');
                """);
            await old.ExecuteAsync("INSERT INTO checkpoints (name, position) VALUES ('monthly-quota', 1);");
        }
        SqliteConnection.ClearAllPools();

        await using var app = await SqliteAppAt(directory);
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();

        Assert.Equal(SchemaMigrator.LatestVersion, await SchemaMigrator.CurrentVersionAsync(connection));
        Assert.Equal("old", await ScalarAsync(connection, "SELECT caused_by FROM events WHERE position = 1;"));
        Assert.Equal(1L, await ScalarAsync(connection, "SELECT position FROM checkpoints WHERE name = 'monthly-quota';"));
        Assert.Equal(0L, await ScalarAsync(connection, "SELECT count(*) FROM AspNetUsers;"));
    }

    [Fact]
    public async Task AccountsMadeBeforeEmailsWereConfirmedCanStillSignInAfterTheUpgrade()
    {
        var directory = Directory.CreateTempSubdirectory("clinicportal-upgrade-").FullName;
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(directory, ClinicDatabase.FileName)}"))
        {
            await old.OpenAsync();
            Assert.Equal(3, await SchemaMigrator.MigrateAsync(old, 3, CancellationToken.None));
            await old.ExecuteAsync(
                """
                INSERT INTO AspNetUsers (Id, DisplayName, IsActive, UserName, NormalizedUserName, Email, NormalizedEmail, EmailConfirmed,
                    PhoneNumberConfirmed, TwoFactorEnabled, LockoutEnabled, AccessFailedCount)
                VALUES ('0199a000-0000-7000-8000-000000000001', 'Old Patient', 1, 'old@mail.example', 'OLD@MAIL.EXAMPLE',
                    'old@mail.example', 'OLD@MAIL.EXAMPLE', 0, 0, 0, 1, 0);
                """);
        }
        SqliteConnection.ClearAllPools();

        await using var app = await SqliteAppAt(directory);
        await using var connection = await app.Get<SqliteDatabase>().OpenAsync();

        Assert.Equal(1L, await ScalarAsync(connection, "SELECT EmailConfirmed FROM AspNetUsers WHERE Email = 'old@mail.example';"));
    }

    [Fact]
    public async Task ALogFromBeforeThePatientMonthTag_GetsTheTagOnEveryOldAppointmentEvent_AndAppointmentDecisionsSeeTheOldAppointments()
    {
        var directory = Directory.CreateTempSubdirectory("clinicportal-upgrade-").FullName;
        Guid patient;
        Guid spareSlot;
        IReadOnlyList<(string Tag, long Position)> tagged;
        await using (var app = await SqliteAppAt(directory))
        {
            var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
            patient = await app.CreateUserAsync("Pat Lee", "pat@mail.example", Roles.Patient);
            var other = await app.CreateUserAsync("Sam Roe", "sam@mail.example", Roles.Patient);
            var schedule = app.Get<ScheduleDayHandler>();
            var day = (await schedule.HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(11, 0))], Actor.Doctor(doctor))).Value!;
            var later = (await schedule.HandleAsync(doctor, A.Tomorrow.AddDays(1), [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
            var book = app.Get<BookSlotsHandler>();
            var first = (await book.HandleAsync(patient, [day.Slots[0].SlotId], Actor.Patient(patient))).Value!;
            await app.Get<CancelAppointmentHandler>().HandleAsync(first.AppointmentId, Actor.Patient(patient));
            for (var i = 1; i <= 10; i++)
                Assert.True((await book.HandleAsync(patient, [day.Slots[i].SlotId], Actor.Patient(patient))).IsAccepted);
            await book.HandleAsync(other, [later.Slots[0].SlotId], Actor.Patient(other));
            await app.Get<CancelDayHandler>().HandleAsync(doctor, later.Date, "Training", A.Receptionist);
            spareSlot = day.Slots[11].SlotId;
            await using var connection = await app.Get<SqliteDatabase>().OpenAsync();
            tagged = await PatientMonthTagsAsync(connection);
        }
        SqliteConnection.ClearAllPools();
        // The log as version 4 left it: the same events, without the tag.
        await using (var old = new SqliteConnection($"Data Source={Path.Combine(directory, ClinicDatabase.FileName)}"))
        {
            await old.OpenAsync();
            await old.ExecuteAsync(
                "DELETE FROM event_tags WHERE tag LIKE 'patient-month:%'; ALTER TABLE practice_settings DROP COLUMN reception_email; " +
                "ALTER TABLE practice_settings DROP COLUMN min_notice_hours; ALTER TABLE practice_settings DROP COLUMN max_days_ahead; " +
                "ALTER TABLE practice_settings DROP COLUMN cancel_cutoff_hours; ALTER TABLE practice_settings DROP COLUMN phone; " +
                "ALTER TABLE practice_settings DROP COLUMN reminder_hours; ALTER TABLE practice_settings DROP COLUMN reception_sees_dashboard; " +
                "ALTER TABLE practice_settings DROP COLUMN retention_months; ALTER TABLE practice_settings DROP COLUMN language; " +
                "DROP TABLE dependants; DROP TABLE personal_keys; DROP TABLE access_log; UPDATE schema_version SET version = 4;");
        }
        SqliteConnection.ClearAllPools();

        await using var upgraded = await SqliteAppAt(directory);
        await using (var connection = await upgraded.Get<SqliteDatabase>().OpenAsync())
            Assert.Equal(tagged, await PatientMonthTagsAsync(connection));
        var eleventh = await upgraded.Get<BookSlotsHandler>().HandleAsync(patient, [spareSlot], Actor.Patient(patient));

        Assert.Equal(14, tagged.Count); // 12 bookings and a cancellation of the patients', and the cancelled day
        Assert.Equal(Rejection.MonthlyLimitReached, eleventh.Rejection);
    }

    private static async Task<IReadOnlyList<(string Tag, long Position)>> PatientMonthTagsAsync(SqliteConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT tag, position FROM event_tags WHERE tag LIKE 'patient-month:%' ORDER BY position, tag;";
        var rows = new List<(string, long)>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add((reader.GetString(0), reader.GetInt64(1)));
        return rows;
    }

    private static Task<TestApp> SqliteAppAt(string directory) => TestApp.StartAsync(directory: directory);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
