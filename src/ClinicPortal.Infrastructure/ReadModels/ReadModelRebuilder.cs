using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// Drops and rebuilds read-model tables from the log: on demand (<c>--rebuild-read-models</c>), and at start-up for
/// every projection whose stored version differs from its code. One algorithm for either database: each projection in
/// a transaction of its own (<see cref="ClinicDatabase.BeginReadModelsAsync"/>: readers see the old tables until it
/// commits, appends wait for it), its tables dropped and defined again, the whole log applied a batch at a time, its
/// indexes made after the load (much faster), and its version recorded.
/// </summary>
public sealed class ReadModelRebuilder(ClinicDatabase database, IEnumerable<IProjection> projections, ILogger<ReadModelRebuilder> logger)
{
    private const int BatchSize = 5_000;

    public Task RebuildOutdatedAsync(CancellationToken cancellationToken = default) => RebuildAsync(all: false, cancellationToken);

    public Task RebuildAllAsync(CancellationToken cancellationToken = default) => RebuildAsync(all: true, cancellationToken);

    private async Task RebuildAsync(bool all, CancellationToken cancellationToken)
    {
        // A start-up with every read model current reads their versions once and takes no write lock.
        var stored = all ? null : (await database.RowsAsync<StoredVersion>("SELECT name, version FROM projection_versions;", cancellationToken))
            .ToDictionary(v => v.Name, v => v.Version);
        foreach (var projection in projections)
        {
            if (stored is not null && stored.GetValueOrDefault(projection.Name) == projection.Version)
                continue;
            await using var rebuild = await database.BeginReadModelsAsync(cancellationToken);
            var session = rebuild.Session;
            // Asked again under the rebuild's lock: another instance may have rebuilt it meanwhile.
            if (!all && await session.ScalarAsync("SELECT version FROM projection_versions WHERE name = @name;", cancellationToken, ("@name", projection.Name))
                    is { } version && Convert.ToInt32(version) == projection.Version)
                continue;

            var started = TimeProvider.System.GetTimestamp();
            foreach (var table in projection.Tables)
                await session.ExecuteAsync($"DROP TABLE IF EXISTS {table};", cancellationToken);
            await rebuild.ExecuteScriptAsync(projection.Schema(database.Dialect), cancellationToken);
            var count = await ReplayAsync(projection, session, after => rebuild.ReadAfterAsync(after, BatchSize, cancellationToken), cancellationToken);
            await rebuild.ExecuteScriptAsync(projection.Indexes, cancellationToken);
            await session.ExecuteAsync(
                "INSERT INTO projection_versions (name, version) VALUES (@name, @version) ON CONFLICT (name) DO UPDATE SET version = excluded.version;",
                cancellationToken, ("@name", projection.Name), ("@version", projection.Version));
            await rebuild.CommitAsync(cancellationToken);
            logger.LogInformation("Rebuilt read model {Projection} v{Version} from {EventCount} events in {Elapsed} ({Database})",
                projection.Name, projection.Version, count, TimeProvider.System.GetElapsedTime(started), database.DatabasePath);
        }
    }

    /// <summary>Applies the whole log to <paramref name="projection"/>, a batch at a time; returns how many events it read.</summary>
    private static async Task<long> ReplayAsync(
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

    private sealed class StoredVersion
    {
        public string Name { get; init; } = "";
        public long Version { get; init; }
    }
}
