using Npgsql;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// The event log's tables and functions on PostgreSQL: the same log as <c>clinic.db</c>'s (positions, types, data,
/// tags, when and by whom), the functions its appends and readers share (the locks, the positions and their marks,
/// the settled horizon; see <see cref="PostgresEventStore"/>), the read models' versions and the checkpoints.
/// Created when missing; every statement is idempotent.
/// </summary>
public static class PostgresLogSchema
{
    /// <summary>The advisory-lock class (the first of the two-key form) of the short lock that hands out positions.</summary>
    internal const int PositionLockClass = 0x0C11_0001;

    /// <summary>The second key, in <see cref="PositionLockClass"/>, of the lock an append holds from its positions to its commit while it updates the read models.</summary>
    internal const int ReadModelLockKey = 2;

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
            caused_by   text NOT NULL
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
        -- A key's 64-bit hash is taken as two numbers: the one-number key space is left to the positions' marks.
        CREATE OR REPLACE FUNCTION clinic_lock_keys(keys text[], exclusive boolean[]) RETURNS void LANGUAGE plpgsql AS $f$
        DECLARE
            k bigint;
            x boolean;
        BEGIN
            FOR k, x IN
                SELECT h, bool_or(e) FROM (SELECT hashtextextended(key, 0) AS h, e FROM unnest(keys, exclusive) AS u(key, e)) s
                GROUP BY h ORDER BY h
            LOOP
                IF x THEN PERFORM pg_advisory_xact_lock((k >> 32)::integer, (k & 4294967295)::bigint::bit(32)::integer);
                ELSE PERFORM pg_advisory_xact_lock_shared((k >> 32)::integer, (k & 4294967295)::bigint::bit(32)::integer); END IF;
            END LOOP;
        END $f$;

        -- Hands out n consecutive positions under one short lock, and marks the first of them as not yet settled: a
        -- shared advisory lock on the position itself (the one-number key space holds only positions; tags use the
        -- two-number space), held to the commit or the rollback. The mark is taken before the positions are.
        CREATE OR REPLACE FUNCTION clinic_reserve_positions(n integer) RETURNS bigint LANGUAGE plpgsql AS $f$
        DECLARE
            previous bigint;
            last bigint;
        BEGIN
            PERFORM pg_advisory_lock({{PositionLockClass}}, 0);
            BEGIN
                SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO previous FROM events_position_seq;
                PERFORM pg_advisory_xact_lock_shared(previous + 1);
                SELECT max(p) INTO last FROM (SELECT nextval('events_position_seq') AS p FROM generate_series(1, n)) s;
            EXCEPTION WHEN OTHERS THEN
                PERFORM pg_advisory_unlock({{PositionLockClass}}, 0);
                RAISE;
            END;
            PERFORM pg_advisory_unlock({{PositionLockClass}}, 0);
            RETURN last;
        END $f$;

        -- The log's settled horizon: the highest position below which nothing can still be committed. It reads the
        -- last position handed out, then the marks of the appends still running (in that order: an append handed out a
        -- position before it was read has its mark in place already). Every position up to the horizon is committed
        -- or never will be, so a statement that starts after this one sees all of them. Appends of other databases on
        -- the same server play no part.
        CREATE OR REPLACE FUNCTION clinic_log_horizon() RETURNS bigint LANGUAGE plpgsql VOLATILE AS $f$
        DECLARE
            reserved bigint;
            running bigint;
        BEGIN
            SELECT CASE WHEN is_called THEN last_value ELSE 0 END INTO reserved FROM events_position_seq;
            SELECT min((l.classid::bigint << 32) | l.objid::bigint) INTO running FROM pg_locks l
            WHERE l.locktype = 'advisory' AND l.objsubid = 1 AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database());
            RETURN CASE WHEN running IS NULL THEN reserved ELSE least(reserved, running - 1) END;
        END $f$;

        -- Up to max_count settled events after a position, for readers that follow the log: the horizon first, the
        -- events in a statement after it.
        CREATE OR REPLACE FUNCTION clinic_read_after(after bigint, max_count integer) RETURNS SETOF events LANGUAGE plpgsql VOLATILE AS $f$
        DECLARE
            horizon bigint := clinic_log_horizon();
        BEGIN
            RETURN QUERY SELECT * FROM events e WHERE e.position > after AND e.position <= horizon ORDER BY e.position LIMIT max_count;
        END $f$;

        CREATE TABLE IF NOT EXISTS projection_versions (
            name    text PRIMARY KEY,
            version bigint NOT NULL
        );
        CREATE TABLE IF NOT EXISTS checkpoints (
            name     text PRIMARY KEY,
            position bigint NOT NULL
        );
        """;

    /// <summary>
    /// Creates the database named in <paramref name="connectionString"/> when it does not exist, then the log's schema,
    /// then the tables beside it (<see cref="PostgresSchema"/>).
    /// </summary>
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
        await PostgresSchema.MigrateAsync(connection, transaction, cancellationToken);
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
