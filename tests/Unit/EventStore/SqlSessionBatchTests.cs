using ClinicPortal.Infrastructure.Data;
using Npgsql;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>A batched session on PostgreSQL sends waiting statements in order before anything that reads their effects.</summary>
public class SqlSessionBatchTests
{
    [Fact]
    public async Task WaitingStatementsRunInOrder_BeforeAQueryACountOrTheFlush()
    {
        var database = (await PostgresServer.SharedAsync()).NewDatabase("batch");
        await ClinicPortal.Infrastructure.Postgres.PostgresLogSchema.EnsureAsync(database); // creates the database
        await using var source = NpgsqlDataSource.Create(database);
        await using var connection = await source.OpenConnectionAsync();
        await using (var table = new NpgsqlCommand("CREATE TABLE t (id bigint PRIMARY KEY, v text NOT NULL);", connection))
            await table.ExecuteNonQueryAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var session = new SqlSession(connection, transaction, SqlDialect.Postgres, batched: true);

        await session.ExecuteAsync("INSERT INTO t (id, v) VALUES (@id, @v);", default, ("@id", 1L), ("@v", "a"));
        await session.ExecuteAsync("UPDATE t SET v = v || @more WHERE id = @id;", default, ("@id", 1L), ("@more", "b"));
        Assert.Equal("ab", await session.ScalarAsync("SELECT v FROM t WHERE id = @id;", default, ("@id", 1L)));

        await session.ExecuteAsync("INSERT INTO t (id, v) VALUES (@id, @v);", default, ("@id", 2L), ("@v", "c"));
        Assert.Equal(2, await session.ExecuteCountAsync("UPDATE t SET v = upper(v);", default));

        await session.ExecuteAsync("DELETE FROM t WHERE id = @id;", default, ("@id", 1L));
        await using (var outside = new NpgsqlCommand("SELECT count(*) FROM t;", connection, transaction))
            Assert.Equal(2L, await outside.ExecuteScalarAsync()); // still waiting
        await session.FlushAsync();
        await using (var after = new NpgsqlCommand("SELECT string_agg(v, ',' ORDER BY id) FROM t;", connection, transaction))
            Assert.Equal("C", await after.ExecuteScalarAsync());
    }
}
