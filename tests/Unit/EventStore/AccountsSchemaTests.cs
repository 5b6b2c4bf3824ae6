using ClinicPortal.Infrastructure.Postgres;
using ClinicPortal.Infrastructure.Sqlite;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>
/// The accounts' tables are made from EF Core's own model of <c>AccountsDbContext</c> for each database, no longer from
/// statements written out by hand: a new database gets exactly the tables, columns, keys and indexes the previous version
/// made (SQLite's as it kept them, <c>Fixtures/accounts-sqlite-2026-12-07.sql</c>; PostgreSQL's in the database it
/// made, <c>Fixtures/postgres-2026-12-07.sql</c>).
/// </summary>
public class AccountsSchemaTests
{
    private static readonly string Fixtures = Path.Combine(AppContext.BaseDirectory, "Fixtures");

    [Fact]
    public async Task OnSqlite_ANewDatabasesAccountsAreTheTablesThePreviousVersionMade()
    {
        await using var before = new SqliteConnection("Data Source=:memory:");
        await before.OpenAsync();
        await using (var create = before.CreateCommand())
        {
            create.CommandText = await File.ReadAllTextAsync(Path.Combine(Fixtures, "accounts-sqlite-2026-12-07.sql"));
            await create.ExecuteNonQueryAsync();
        }
        await using var now = new SqliteConnection("Data Source=:memory:");
        await now.OpenAsync();
        await SchemaMigrator.MigrateAsync(now);

        var expected = await DescribeAsync(before);
        Assert.Equal(7, expected.Count(line => line.StartsWith("table ", StringComparison.Ordinal)));
        Assert.Contains(expected, line => line.Contains("IsActive INTEGER notnull=1 default=1", StringComparison.Ordinal));
        Assert.Equal(expected, await DescribeAsync(now));
    }

    [Fact]
    public async Task OnPostgres_ANewDatabasesAccountsAreTheTablesThePreviousVersionMade()
    {
        var server = await PostgresServer.SharedAsync();
        var saved = $"saved_{Guid.NewGuid():N}";
        await server.RestoreAsync(saved, Path.Combine(Fixtures, "postgres-2026-12-07.sql"));
        var fresh = server.NewDatabase("accounts");
        await PostgresLogSchema.EnsureAsync(fresh);

        var expected = await DescribeAsync(server.ConnectionString(saved));
        Assert.Contains(expected, line => line.StartsWith("AspNetUsers.IsActive boolean NO true", StringComparison.Ordinal));
        Assert.Contains(expected, line => line.StartsWith("index UserNameIndex", StringComparison.Ordinal));
        Assert.Equal(expected, await DescribeAsync(fresh));
    }

    /// <summary>Each accounts table's columns (type, not null, default, key), indexes and foreign keys, as SQLite reports them.</summary>
    private static async Task<List<string>> DescribeAsync(SqliteConnection connection)
    {
        var lines = new List<string>();
        foreach (var table in await ListAsync(connection, "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'AspNet%' ORDER BY name;"))
        {
            lines.Add($"table {table}");
            lines.AddRange(await ListAsync(connection, $"SELECT name || ' ' || type || ' notnull=' || \"notnull\" || ' default=' || coalesce(dflt_value, '-') || ' pk=' || pk FROM pragma_table_info('{table}') ORDER BY cid;"));
            foreach (var index in await ListAsync(connection, $"SELECT name || ' unique=' || \"unique\" || ' ' || origin FROM pragma_index_list('{table}') ORDER BY name;"))
                lines.Add($"index {index}: " + string.Join(", ", await ListAsync(connection, $"SELECT name FROM pragma_index_info('{index.Split(' ')[0]}') ORDER BY seqno;")));
            lines.AddRange(await ListAsync(connection, $"SELECT 'fk ' || \"from\" || ' -> ' || \"table\" || '.' || \"to\" || ' ' || on_delete FROM pragma_foreign_key_list('{table}') ORDER BY \"from\";"));
        }
        return lines;
    }

    private static async Task<List<string>> ListAsync(SqliteConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    /// <summary>Each accounts table's columns, indexes and constraints, as PostgreSQL's catalogue reports them.</summary>
    private static async Task<List<string>> DescribeAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var lines = new List<string>();
        foreach (var sql in new[]
                 {
                     """
                     SELECT table_name || '.' || column_name || ' ' || data_type || coalesce('(' || character_maximum_length || ')', '') || ' ' || is_nullable
                            || ' ' || coalesce(column_default, '-') || ' ' || is_identity || ' ' || ordinal_position
                     FROM information_schema.columns WHERE table_schema = 'public' AND table_name LIKE 'AspNet%' ORDER BY table_name, ordinal_position;
                     """,
                     "SELECT 'index ' || indexname || ': ' || indexdef FROM pg_indexes WHERE schemaname = 'public' AND tablename LIKE 'AspNet%' ORDER BY indexname;",
                     """
                     SELECT 'constraint ' || conname || ': ' || pg_get_constraintdef(oid) FROM pg_constraint
                     WHERE conrelid::regclass::text LIKE '"AspNet%' ORDER BY conname;
                     """,
                 })
        {
            await using var command = new NpgsqlCommand(sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                lines.Add(reader.GetString(0));
        }
        return lines;
    }
}
