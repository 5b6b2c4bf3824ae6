using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.Data.Sqlite;

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
        await using var connection = await app.Get<ClinicDatabase>().OpenAsync();

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
        await using var connection = await app.Get<ClinicDatabase>().OpenAsync();

        Assert.Equal(1L, await ScalarAsync(connection, "SELECT EmailConfirmed FROM AspNetUsers WHERE Email = 'old@mail.example';"));
    }

    private static Task<SqliteApp> SqliteAppAt(string directory) => SqliteApp.StartAsync(directory: directory);

    private static async Task<object?> ScalarAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return await command.ExecuteScalarAsync();
    }
}
