using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// Drops and rebuilds read-model tables from the log: on demand (<c>--rebuild-read-models</c>), and at
/// start-up for every projection whose stored version differs from its code. On PostgreSQL,
/// <see cref="PostgresReadModels"/> does it there.
/// </summary>
public sealed class ReadModelRebuilder(
    ClinicDatabase database, IEnumerable<IProjection> projections, ILogger<ReadModelRebuilder> logger, PostgresReadModels? postgres = null)
{
    private const int BatchSize = 5_000;

    public async Task RebuildOutdatedAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            await postgres.RebuildOutdatedAsync(cancellationToken);
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var projection in projections)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT version FROM projection_versions WHERE name = @name;";
            command.Parameters.AddWithValue("@name", projection.Name);
            var stored = await command.ExecuteScalarAsync(cancellationToken);
            if (stored is null || Convert.ToInt32(stored) != projection.Version)
                await RebuildAsync(connection, projection, cancellationToken);
        }
    }

    public async Task RebuildAllAsync(CancellationToken cancellationToken = default)
    {
        if (postgres is not null)
        {
            await postgres.RebuildAllAsync(cancellationToken);
            return;
        }
        await using var connection = await database.OpenAsync(cancellationToken);
        foreach (var projection in projections)
            await RebuildAsync(connection, projection, cancellationToken);
    }

    /// <summary>Applies the whole log to <paramref name="projection"/>, a batch at a time; returns how many events it read.</summary>
    internal static async Task<long> ReplayAsync(
        IProjection projection, SqlSession session, Func<long, Task<IReadOnlyList<Application.StoredEvent>>> readAfter, CancellationToken cancellationToken)
    {
        long position = 0, count = 0;
        while (true)
        {
            var batch = await readAfter(position);
            if (batch.Count == 0)
                return count;
            foreach (var stored in batch)
                await projection.ApplyAsync(session, stored, cancellationToken);
            position = batch[^1].Position;
            count += batch.Count;
        }
    }

    private async Task RebuildAsync(SqliteConnection connection, IProjection projection, CancellationToken cancellationToken)
    {
        var started = TimeProvider.System.GetTimestamp();
        // A big page cache while loading; the connection goes back to the pool with the usual one.
        await using (var cache = connection.CreateCommand())
        {
            cache.CommandText = "PRAGMA cache_size = -262144;"; // 256 MB
            await cache.ExecuteNonQueryAsync(cancellationToken);
        }
        // One write transaction: readers see the old tables until the new ones are complete.
        await using var transaction = connection.BeginTransaction(deferred: false);
        await using (var session = new SqlSession(connection, transaction))
        {
            foreach (var table in projection.Tables)
                await session.ExecuteAsync($"DROP TABLE IF EXISTS {table};", cancellationToken);
            await using (var create = connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = projection.Schema(SqlDialect.Sqlite);
                await create.ExecuteNonQueryAsync(cancellationToken);
            }

            var count = await ReplayAsync(projection, session,
                after => SqliteEventStore.ReadAfterAsync(connection, transaction, after, BatchSize, cancellationToken), cancellationToken);

            await using (var index = connection.CreateCommand())
            {
                index.Transaction = transaction;
                index.CommandText = projection.Indexes;
                await index.ExecuteNonQueryAsync(cancellationToken);
            }

            await session.ExecuteAsync(
                "INSERT INTO projection_versions (name, version) VALUES (@name, @version) ON CONFLICT (name) DO UPDATE SET version = excluded.version;",
                cancellationToken, ("@name", projection.Name), ("@version", projection.Version));
            logger.LogInformation("Rebuilt read model {Projection} v{Version} from {EventCount} events in {Elapsed}",
                projection.Name, projection.Version, count, TimeProvider.System.GetElapsedTime(started));
        }
        await transaction.CommitAsync(cancellationToken);
        await using var reset = connection.CreateCommand();
        reset.CommandText = "PRAGMA cache_size = -2000;";
        await reset.ExecuteNonQueryAsync(cancellationToken);
    }
}
