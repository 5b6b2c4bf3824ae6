using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>
/// The read-model specs on PostgreSQL: a test that built a log on SQLite hands it here, and every event is appended,
/// in order and with its own who and when, to a new log on the tests' PostgreSQL server through the PostgreSQL store
/// with the same projections. Every read-model table must then hold the same rows on both, live and after a rebuild.
/// </summary>
public static class PostgresReplica
{
    public static async Task AssertSameReadModelsAsync(SqliteApp app)
    {
        var projections = app.Services.GetServices<IProjection>().ToArray();
        var connectionString = (await PostgresServer.SharedAsync()).NewDatabase("replica");
        await PostgresLogSchema.EnsureAsync(connectionString);
        await using var source = NpgsqlDataSource.Create(connectionString);
        var readModels = new PostgresReadModels(source, projections, NullLogger<PostgresReadModels>.Instance);
        await readModels.RebuildOutdatedAsync();
        await using (var store = new PostgresEventStore(source, projections, new EventLogSignal(), new PostgresInstance()))
        {
            foreach (var stored in await app.Get<IEventStore>().ReadAfterAsync(0, int.MaxValue))
                Assert.Equal(stored.Position, await store.AppendAsync([stored.Event], new EventMetadata(stored.CausedBy, stored.RecordedAt), null));
        }

        var onSqlite = await DumpAsync(projections, async sql =>
        {
            await using var connection = await app.Get<ClinicDatabase>().OpenAsync();
            return await RowsAsync(connection, sql, SqlDialect.Sqlite);
        });
        Task<List<string>> FromPostgres(string sql) => Task.Run(async () =>
        {
            await using var connection = await source.OpenConnectionAsync();
            return await RowsAsync(connection, sql, SqlDialect.Postgres);
        });
        Assert.Equal(onSqlite, await DumpAsync(projections, FromPostgres));
        await readModels.RebuildAllAsync();
        Assert.Equal(onSqlite, await DumpAsync(projections, FromPostgres));
    }

    private static async Task<SortedDictionary<string, List<string>>> DumpAsync(IEnumerable<IProjection> projections, Func<string, Task<List<string>>> rows)
    {
        var tables = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var table in projections.SelectMany(p => p.Tables))
            tables[table] = await rows($"SELECT * FROM {table};");
        return tables;
    }

    private static async Task<List<string>> RowsAsync(System.Data.Common.DbConnection connection, string sql, SqlDialect dialect)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = dialect.Reader(await command.ExecuteReaderAsync());
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add(string.Join(" | ", Enumerable.Range(0, reader.FieldCount).Select(i =>
                $"{reader.GetName(i)}={(reader.IsDBNull(i) ? "NULL" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture))}")));
        rows.Sort(StringComparer.Ordinal);
        return rows;
    }
}
