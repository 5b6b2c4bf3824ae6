using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using NpgsqlTypes;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// <c>--migrate-to-postgres</c>: copies a practice from <c>clinic.db</c> into an empty PostgreSQL database. The log
/// keeps its positions, whos and whens (so the checkpoints copied with it stay true and no reaction repeats: no
/// email is sent again), the accounts keep their ids and passwords, the settings, the outbox and the Data Protection
/// keys (so sessions and emailed links keep working) come along, all in one transaction; then the read models are
/// built there from the log. The SQLite file is only read.
/// </summary>
public static class PostgresMigration
{
    public static async Task<MigrationReport> RunAsync(
        SqliteDatabase sqlite, string connectionString, IEnumerable<IProjection> projections, ILoggerFactory loggers, CancellationToken ct = default)
    {
        if (!File.Exists(sqlite.DatabasePath))
            throw new InvalidOperationException($"There is no SQLite database at {sqlite.DatabasePath} to copy (Data:Directory names its folder).");
        await sqlite.InitializeAsync(ct); // brings an older file's schema up to date first
        await PostgresLogSchema.EnsureAsync(connectionString, ct);
        await using var target = NpgsqlDataSource.Create(connectionString);
        await using var source = await sqlite.OpenAsync(ct);
        await using var connection = await target.OpenConnectionAsync(ct);
        await using var transaction = await connection.BeginTransactionAsync(ct);

        await using (var empty = new NpgsqlCommand("""SELECT (SELECT count(*) FROM events) + (SELECT count(*) FROM "AspNetUsers");""", connection, transaction))
            if ((long)(await empty.ExecuteScalarAsync(ct))! != 0)
                throw new InvalidOperationException(
                    $"The PostgreSQL database {connection.Database} already holds a log or accounts: the migration copies into an empty database only.");

        var events = await CopyAsync(source, connection, "events", ["position", "type", "data", "tags", "recorded_at", "caused_by"], ct);
        await CopyAsync(source, connection, "event_tags", ["tag", "position", "type"], ct);
        await CopyAsync(source, connection, "checkpoints", ["name", "position"], ct);
        await CopyAsync(source, connection, "practice_settings",
            ["id", "name", "time_zone", "email_from", "reception_email", "min_notice_hours", "max_days_ahead", "cancel_cutoff_hours", "phone", "reminder_hours", "reception_sees_dashboard",
             "retention_months", "language"], ct,
            flags: ["reception_sees_dashboard"]);
        var outbox = await CopyAsync(source, connection, "outbox",
            ["id", "key", "kind", "recipient", "subject", "html", "text", "attachments", "created_at", "status", "attempts", "last_error", "next_attempt_at", "sent_at"], ct);
        var accounts = await CopyAccountsAsync(sqlite, connection, transaction, ct);
        await CopyAsync(source, connection, "dependants", ["patient_id", "guardian_id", "date_of_birth"], ct, ids: ["patient_id", "guardian_id"]);
        await CopyAsync(source, connection, "personal_keys", ["patient_id", "sealed_key"], ct, ids: ["patient_id"]);
        await CopyAsync(source, connection, "access_log", ["id", "patient_id", "viewer_id", "at", "what"], ct, ids: ["patient_id", "viewer_id"]);
        var keys = await CopyKeysAsync(Path.Combine(sqlite.DataDirectory, "keys"), connection, transaction, ct);

        // The next position, outbox row and claim continue after the copied ones.
        await using (var sequences = new NpgsqlCommand(
            """
            SELECT setval('events_position_seq', greatest((SELECT max(position) FROM events), 1), (SELECT count(*) FROM events) > 0);
            SELECT setval(pg_get_serial_sequence('outbox', 'id'), greatest((SELECT max(id) FROM outbox), 1), (SELECT count(*) FROM outbox) > 0);
            SELECT setval(pg_get_serial_sequence('access_log', 'id'), greatest((SELECT max(id) FROM access_log), 1), (SELECT count(*) FROM access_log) > 0);
            SELECT setval(pg_get_serial_sequence('"AspNetUserClaims"', 'Id'), greatest((SELECT max("Id") FROM "AspNetUserClaims"), 1), (SELECT count(*) FROM "AspNetUserClaims") > 0);
            SELECT setval(pg_get_serial_sequence('"AspNetRoleClaims"', 'Id'), greatest((SELECT max("Id") FROM "AspNetRoleClaims"), 1), (SELECT count(*) FROM "AspNetRoleClaims") > 0);
            """, connection, transaction))
            await sequences.ExecuteNonQueryAsync(ct);
        await transaction.CommitAsync(ct);

        await new ReadModelRebuilder(new PostgresDatabase(target, connectionString, sqlite.DataDirectory), projections, loggers.CreateLogger<ReadModelRebuilder>())
            .RebuildAllAsync(ct);
        return new MigrationReport(events, accounts, (int)outbox, keys);
    }

    /// <summary>
    /// Every row of a table, by PostgreSQL's binary COPY (SQLite's integers as bigint, or as boolean for the
    /// <paramref name="flags"/>; its text as text, or as uuid for the <paramref name="ids"/>).
    /// </summary>
    private static async Task<long> CopyAsync(
        SqliteConnection source, NpgsqlConnection target, string table, string[] columns, CancellationToken ct, string[]? flags = null, string[]? ids = null)
    {
        var list = string.Join(", ", columns);
        await using var read = source.CreateCommand();
        read.CommandText = $"SELECT {list} FROM {table};";
        await using var rows = await read.ExecuteReaderAsync(ct);
        await using var import = await target.BeginBinaryImportAsync($"COPY {table} ({list}) FROM STDIN (FORMAT BINARY)", ct);
        long count = 0;
        while (await rows.ReadAsync(ct))
        {
            await import.StartRowAsync(ct);
            for (var i = 0; i < columns.Length; i++)
            {
                switch (rows.GetValue(i))
                {
                    case DBNull: await import.WriteNullAsync(ct); break;
                    case long flag when flags?.Contains(columns[i]) == true: await import.WriteAsync(flag != 0, NpgsqlDbType.Boolean, ct); break;
                    case long number: await import.WriteAsync(number, NpgsqlDbType.Bigint, ct); break;
                    case string id when ids?.Contains(columns[i]) == true: await import.WriteAsync(Guid.Parse(id), NpgsqlDbType.Uuid, ct); break;
                    case var value: await import.WriteAsync(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!, NpgsqlDbType.Text, ct); break;
                }
            }
            count++;
        }
        await import.CompleteAsync(ct);
        return count;
    }

    /// <summary>Identity's rows, read and written by EF Core with each database's own mapping (text ids become uuid, and so on).</summary>
    private static async Task<int> CopyAccountsAsync(SqliteDatabase sqlite, NpgsqlConnection target, NpgsqlTransaction transaction, CancellationToken ct)
    {
        await using var from = new AccountsDbContext(new DbContextOptionsBuilder<AccountsDbContext>().UseSqlite(sqlite.ConnectionString).Options);
        await using var to = new AccountsDbContext(new DbContextOptionsBuilder<AccountsDbContext>().UseNpgsql(target).Options);
        await to.Database.UseTransactionAsync(transaction, ct);
        var users = await from.Users.AsNoTracking().ToListAsync(ct);
        foreach (var user in users)
            user.LockoutEnd = user.LockoutEnd?.ToUniversalTime(); // timestamptz takes UTC
        to.Roles.AddRange(await from.Roles.AsNoTracking().ToListAsync(ct));
        to.Users.AddRange(users);
        to.UserRoles.AddRange(await from.UserRoles.AsNoTracking().ToListAsync(ct));
        to.UserClaims.AddRange(await from.UserClaims.AsNoTracking().ToListAsync(ct));
        to.UserLogins.AddRange(await from.UserLogins.AsNoTracking().ToListAsync(ct));
        to.UserTokens.AddRange(await from.UserTokens.AsNoTracking().ToListAsync(ct));
        to.RoleClaims.AddRange(await from.RoleClaims.AsNoTracking().ToListAsync(ct));
        await to.SaveChangesAsync(ct);
        return users.Count;
    }

    /// <summary>The key files beside clinic.db, under the names the file repository gave them.</summary>
    private static async Task<int> CopyKeysAsync(string folder, NpgsqlConnection target, NpgsqlTransaction transaction, CancellationToken ct)
    {
        if (!Directory.Exists(folder))
            return 0;
        var files = Directory.GetFiles(folder, "*.xml");
        foreach (var file in files)
        {
            await using var insert = new NpgsqlCommand("INSERT INTO data_protection_keys (name, xml) VALUES (@name, @xml);", target, transaction);
            insert.Parameters.AddWithValue("name", Path.GetFileNameWithoutExtension(file));
            insert.Parameters.AddWithValue("xml", await File.ReadAllTextAsync(file, ct));
            await insert.ExecuteNonQueryAsync(ct);
        }
        return files.Length;
    }
}
