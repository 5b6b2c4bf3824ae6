using Microsoft.Data.Sqlite;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// Creates or upgrades the database schema in place, one numbered script at a time, each in its own
/// transaction, recording the version reached in <c>schema_version</c>. Scripts are never edited once
/// released: a change is a new script. (EF Core's design-time tools do not restore here.)
/// Read-model tables are not here: they are rebuilt from the log (see ReadModelRebuilder).
/// </summary>
public static class SchemaMigrator
{
    public static readonly IReadOnlyList<string> Scripts =
    [
        // 1: the event log, its tag index, and the background services' checkpoints.
        """
        CREATE TABLE events (
            position    INTEGER PRIMARY KEY,
            type        TEXT NOT NULL,
            data        TEXT NOT NULL,
            tags        TEXT NOT NULL,
            recorded_at TEXT NOT NULL,
            caused_by   TEXT NOT NULL
        );
        CREATE INDEX ix_events_type ON events (type, position);
        CREATE TABLE event_tags (
            tag      TEXT NOT NULL,
            position INTEGER NOT NULL,
            type     TEXT NOT NULL,
            PRIMARY KEY (tag, position)
        ) WITHOUT ROWID;
        CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events
        BEGIN SELECT RAISE(ABORT, 'events are never updated'); END;
        CREATE TRIGGER events_are_never_deleted BEFORE DELETE ON events
        BEGIN SELECT RAISE(ABORT, 'events are never deleted'); END;
        CREATE TABLE checkpoints (
            name     TEXT PRIMARY KEY,
            position INTEGER NOT NULL
        );
        CREATE TABLE projection_versions (
            name    TEXT PRIMARY KEY,
            version INTEGER NOT NULL
        );
        """,
    ];

    public static int LatestVersion => Scripts.Count;

    public static async Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
        var current = await CurrentVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this app knows ({LatestVersion}). Run a newer ClinicPortal.");

        for (var version = current + 1; version <= LatestVersion; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                command.CommandText = Scripts[version - 1] +
                    "\nDELETE FROM schema_version;\nINSERT INTO schema_version (version) VALUES ($version);";
                command.Parameters.AddWithValue("$version", version);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return LatestVersion;
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }
}
