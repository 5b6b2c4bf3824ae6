using Npgsql;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>
/// The event log's tables and functions on PostgreSQL: the same log as <c>clinic.db</c>'s (positions, types, data,
/// tags, when and by whom), plus the transaction each event was written in, which readers use to never skip an
/// event that commits late (see <see cref="PostgresEventStore"/>). Created when missing; every statement is idempotent.
/// </summary>
public static class PostgresLogSchema
{
    /// <summary>The advisory-lock class (the first of the two-key form) of the short lock that hands out positions.</summary>
    internal const int PositionLockClass = 0x0C11_0001;

    /// <summary>The advisory-lock class of the reactions' leader leases (<see cref="PostgresLeases"/>).</summary>
    internal const int LeaseLockClass = 0x0C11_0002;

    /// <summary>The channel every append notifies, with its writer and its first and last positions.</summary>
    public const string Channel = "clinic_log";

    public static readonly string Script = $$"""
        CREATE SEQUENCE IF NOT EXISTS events_position_seq AS bigint;
        CREATE TABLE IF NOT EXISTS events (
            position    bigint PRIMARY KEY,
            type        text NOT NULL,
            data        text NOT NULL,
            tags        text NOT NULL,
            recorded_at text NOT NULL,
            caused_by   text NOT NULL,
            tx          xid8 NOT NULL DEFAULT pg_current_xact_id()
        );
        CREATE INDEX IF NOT EXISTS ix_events_type ON events (type, position);
        CREATE TABLE IF NOT EXISTS event_tags (
            tag      text NOT NULL,
            position bigint NOT NULL,
            type     text NOT NULL,
            PRIMARY KEY (tag, position)
        );

        CREATE OR REPLACE FUNCTION clinic_events_are_append_only() RETURNS trigger LANGUAGE plpgsql AS $f$
        BEGIN
            RAISE EXCEPTION 'events are never %', CASE TG_OP WHEN 'UPDATE' THEN 'updated' ELSE 'deleted' END;
        END $f$;
        CREATE OR REPLACE TRIGGER events_are_append_only BEFORE UPDATE OR DELETE ON events
            FOR EACH ROW EXECUTE FUNCTION clinic_events_are_append_only();
        CREATE OR REPLACE TRIGGER events_are_never_truncated BEFORE TRUNCATE ON events
            FOR EACH STATEMENT EXECUTE FUNCTION clinic_events_are_append_only();

        -- The condition's locks: every key once, in one fixed order (no two appends can wait for each other in a
        -- circle), exclusive where the append checks a condition on it, shared where it only writes events under it.
        CREATE OR REPLACE FUNCTION clinic_lock_keys(keys text[], exclusive boolean[]) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE
            k bigint;
            x boolean;
        BEGIN
            FOR k, x IN
                SELECT h, bool_or(e) FROM (SELECT hashtextextended(key, 0) AS h, e FROM unnest(keys, exclusive) AS u(key, e)) s
                GROUP BY h ORDER BY h
            LOOP
                IF x THEN PERFORM pg_advisory_xact_lock(k); ELSE PERFORM pg_advisory_xact_lock_shared(k); END IF;
            END LOOP;
        END $f$;

        -- Hands out n consecutive positions and gives the transaction its id under one short lock, so that a
        -- transaction's id and its positions rise together: a reader that reads only events of transactions older
        -- than every one still running can never be overtaken by an event with a lower position (see ReadAfterAsync).
        -- The lock is a session lock released at once, not held to the commit, so appends still commit in parallel.
        CREATE OR REPLACE FUNCTION clinic_reserve_positions(n integer) RETURNS bigint LANGUAGE plpgsql AS $f$
        DECLARE
            last bigint;
        BEGIN
            PERFORM pg_advisory_lock({{PositionLockClass}}, 0);
            BEGIN
                PERFORM pg_current_xact_id();
                SELECT max(p) INTO last FROM (SELECT nextval('events_position_seq') AS p FROM generate_series(1, n)) s;
            EXCEPTION WHEN OTHERS THEN
                PERFORM pg_advisory_unlock({{PositionLockClass}}, 0);
                RAISE;
            END;
            PERFORM pg_advisory_unlock({{PositionLockClass}}, 0);
            RETURN last;
        END $f$;

        CREATE TABLE IF NOT EXISTS checkpoints (
            name     text PRIMARY KEY,
            position bigint NOT NULL
        );
        """;

    /// <summary>Creates the database named in <paramref name="connectionString"/> when it does not exist, then the log's schema.</summary>
    public static async Task EnsureAsync(string connectionString, CancellationToken cancellationToken = default)
    {
        await CreateDatabaseIfMissingAsync(connectionString, cancellationToken);
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        // Two instances starting at once: one creates, the other waits and finds everything there.
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using (var lockCommand = new NpgsqlCommand($"SELECT pg_advisory_xact_lock({PositionLockClass}, 1);", connection, transaction))
            await lockCommand.ExecuteNonQueryAsync(cancellationToken);
        await using (var command = new NpgsqlCommand(Script, connection, transaction))
            await command.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    private static async Task CreateDatabaseIfMissingAsync(string connectionString, CancellationToken cancellationToken)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var name = target.Database ?? throw new InvalidOperationException("ConnectionStrings:Clinic names no database (Database=...).");
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using var connection = new NpgsqlConnection(maintenance.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name;", connection);
        exists.Parameters.AddWithValue("name", name);
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
            return;
        try
        {
            await using var create = new NpgsqlCommand($"CREATE DATABASE {QuoteIdentifier(name)};", connection);
            await create.ExecuteNonQueryAsync(cancellationToken);
        }
        catch (PostgresException exception) when (exception.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Another instance created it first.
        }
    }

    private static string QuoteIdentifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
}
