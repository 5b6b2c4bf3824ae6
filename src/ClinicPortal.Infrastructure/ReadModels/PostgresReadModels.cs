using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using Npgsql;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The read models on PostgreSQL: the same projections as on SQLite, their tables defined in PostgreSQL's words
/// (<see cref="SqlDialect.Postgres"/>), created and rebuilt from the log when missing or of another version, as
/// <see cref="ReadModelRebuilder"/> does on SQLite. A rebuild holds the read models' lock, so appends wait for it.
/// </summary>
public sealed class PostgresReadModels(NpgsqlDataSource dataSource, IEnumerable<IProjection> projections, ILogger<PostgresReadModels> logger)
{
    private const int BatchSize = 5_000;

    public Task RebuildOutdatedAsync(CancellationToken cancellationToken = default) => RebuildAsync(all: false, cancellationToken);

    public Task RebuildAllAsync(CancellationToken cancellationToken = default) => RebuildAsync(all: true, cancellationToken);

    private async Task RebuildAsync(bool all, CancellationToken cancellationToken)
    {
        foreach (var projection in projections)
        {
            await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var wait = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PostgresLogSchema.PositionLockClass}, {PostgresLogSchema.ReadModelLockKey});", connection, transaction))
                await wait.ExecuteNonQueryAsync(cancellationToken);
            await using var session = new SqlSession(connection, transaction, SqlDialect.Postgres, batched: true);
            if (!all && await session.ScalarAsync("SELECT version FROM projection_versions WHERE name = @name;", cancellationToken, ("@name", projection.Name))
                    is { } version && Convert.ToInt32(version) == projection.Version)
                continue;

            var started = TimeProvider.System.GetTimestamp();
            foreach (var table in projection.Tables)
                await session.ExecuteAsync($"DROP TABLE IF EXISTS {table};", cancellationToken);
            await session.FlushAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, projection.Schema(SqlDialect.Postgres), cancellationToken);
            var count = await ReadModelRebuilder.ReplayAsync(projection, session,
                after => PostgresEventStore.ReadAllAfterAsync(connection, transaction, after, BatchSize, cancellationToken), cancellationToken);
            await session.FlushAsync(cancellationToken);
            await ExecuteAsync(connection, transaction, projection.Indexes, cancellationToken);
            await session.ExecuteAsync(
                "INSERT INTO projection_versions (name, version) VALUES (@name, @version) ON CONFLICT (name) DO UPDATE SET version = excluded.version;",
                cancellationToken, ("@name", projection.Name), ("@version", projection.Version));
            await session.FlushAsync(cancellationToken);
            await session.DisposeAsync();
            await transaction.CommitAsync(cancellationToken);
            logger.LogInformation("Rebuilt read model {Projection} v{Version} on PostgreSQL from {EventCount} events in {Elapsed}",
                projection.Name, projection.Version, count, TimeProvider.System.GetElapsedTime(started));
        }
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
            return;
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
