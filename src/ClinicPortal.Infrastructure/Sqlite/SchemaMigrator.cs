using ClinicPortal.Domain.EventStore;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ClinicPortal.Infrastructure.Sqlite;

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
        // 2: accounts (ASP.NET Core Identity's tables, made from EF Core's model in code: CreateAccountsAsync) and practice settings.
        """
        CREATE TABLE practice_settings (
            id         INTEGER PRIMARY KEY CHECK (id = 1),
            name       TEXT NOT NULL,
            time_zone  TEXT NOT NULL,
            email_from TEXT NOT NULL
        );
        """,
        // 3: the email outbox. A message is recorded under a key derived from its event and recipient before it is sent.
        """
        CREATE TABLE outbox (
            id              INTEGER PRIMARY KEY,
            key             TEXT NOT NULL UNIQUE,
            kind            TEXT NOT NULL,
            recipient       TEXT NOT NULL,
            subject         TEXT NOT NULL,
            html            TEXT NOT NULL,
            text            TEXT NOT NULL,
            attachments     TEXT NOT NULL,
            created_at      INTEGER NOT NULL,
            status          TEXT NOT NULL DEFAULT 'pending',
            attempts        INTEGER NOT NULL DEFAULT 0,
            last_error      TEXT,
            next_attempt_at INTEGER NOT NULL,
            sent_at         INTEGER
        );
        CREATE INDEX ix_outbox_due ON outbox (status, next_attempt_at);
        """,
        // 4: signing in now needs a confirmed email. Accounts made before that was asked keep working.
        """
        UPDATE "AspNetUsers" SET "EmailConfirmed" = 1 WHERE "EmailConfirmed" = 0;
        """,
        // 5: the patient-month tag (EventTags), so a booking decision reads the patient's month and not their whole
        // history. Events are never updated: the tag is indexed for the events logged before it, derived from their
        // data by EventTags itself, in code (TagPatientMonthsAsync), so that the rule is written once.
        "",
        // 6: the practice's reception address, where a new conflict is told (empty: the sender address).
        """
        ALTER TABLE practice_settings ADD COLUMN reception_email TEXT;
        """,
        // 7: when patients may book, move and cancel online, and the phone number they call otherwise (empty: as configured).
        """
        ALTER TABLE practice_settings ADD COLUMN min_notice_hours INTEGER;
        ALTER TABLE practice_settings ADD COLUMN max_days_ahead INTEGER;
        ALTER TABLE practice_settings ADD COLUMN cancel_cutoff_hours INTEGER;
        ALTER TABLE practice_settings ADD COLUMN phone TEXT;
        """,
        // 8: how many hours before each appointment its reminder is emailed (0: none; empty: as configured).
        """
        ALTER TABLE practice_settings ADD COLUMN reminder_hours INTEGER;
        """,
        // 9: whether reception sees the dashboard (the practice's figures, without any clinician's; empty: not).
        """
        ALTER TABLE practice_settings ADD COLUMN reception_sees_dashboard INTEGER;
        """,
        // 10: dependants: patients without a sign-in of their own (a child, a parent cared for), each the account holder's
        // whose account books for them (ids as the accounts' tables keep them; a date of birth as a practice day's text).
        """
        CREATE TABLE dependants (
            patient_id    TEXT PRIMARY KEY,
            guardian_id   TEXT NOT NULL,
            date_of_birth TEXT NOT NULL
        ) WITHOUT ROWID;
        CREATE INDEX ix_dependants_guardian ON dependants (guardian_id);
        """,
        // 11: each patient's key for the free text written about them (PersonalKeys), protected by the Data Protection keys;
        // ids as the read models keep them. The text logged before is sealed once, in code, at the first start after
        // this (PersonalTextUpgrade), which needs the Data Protection keys this chain cannot reach.
        """
        CREATE TABLE personal_keys (
            patient_id TEXT PRIMARY KEY,
            sealed_key TEXT NOT NULL
        ) WITHOUT ROWID;
        """,
        // 12: who opened a patient's details, when, and what (AccessLog); ids as the read models keep them, instants in
        // Unix milliseconds.
        """
        CREATE TABLE access_log (
            id         INTEGER PRIMARY KEY,
            patient_id TEXT NOT NULL,
            viewer_id  TEXT NOT NULL,
            at         INTEGER NOT NULL,
            what       TEXT NOT NULL
        );
        CREATE INDEX ix_access_log_patient ON access_log (patient_id, at);
        """,
        // 13: how many months a patient with no appointment is kept before the owner is asked to erase them (empty: kept).
        """
        ALTER TABLE practice_settings ADD COLUMN retention_months INTEGER;
        """,
        // 14: the practice's language, the one its pages and emails are in for anyone who has not chosen their own (empty: as configured).
        """
        ALTER TABLE practice_settings ADD COLUMN language TEXT;
        """,
    ];

    /// <summary>The versions whose work is code rather than SQL, run in the version's transaction before its script.</summary>
    private static readonly IReadOnlyDictionary<int, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>> CodeSteps =
        new Dictionary<int, Func<SqliteConnection, SqliteTransaction, CancellationToken, Task>> { [2] = CreateAccountsAsync, [5] = TagPatientMonthsAsync };

    /// <summary>
    /// Version 2: the accounts' tables and indexes as EF Core's SQLite provider defines them for
    /// <see cref="Accounts.AccountsDbContext"/> (the same statements version 2 wrote out by hand before).
    /// </summary>
    private static async Task CreateAccountsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        await using var create = connection.CreateCommand();
        create.Transaction = transaction;
        create.CommandText = Accounts.AccountsDbContext.CreateScript(options => options.UseSqlite());
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Version 5: the events logged before the patient-month tag get it, as <see cref="EventTags"/> tags them today (the
    /// events a patient's month is read by: their bookings, cancellations, marks and the days cancelled under them).
    /// </summary>
    private static async Task TagPatientMonthsAsync(SqliteConnection connection, SqliteTransaction transaction, CancellationToken ct)
    {
        var tagged = new List<(string Tag, long Position, string Type)>();
        await using (var read = connection.CreateCommand())
        {
            read.Transaction = transaction;
            read.CommandText = "SELECT position, type, data FROM events WHERE type IN ('SlotsBooked', 'BookingCancelled', 'VisitMarked', 'DayCancelled');";
            await using var reader = await read.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var (position, type) = (reader.GetInt64(0), reader.GetString(1));
                tagged.AddRange(EventTags.Of(EventStore.EventSerializer.Deserialize(type, reader.GetString(2)))
                    .Where(tag => tag.Value.StartsWith(Tag.PatientMonthPrefix, StringComparison.Ordinal))
                    .Select(tag => (tag.Value, position, type)));
            }
        }
        await using var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT OR IGNORE INTO event_tags (tag, position, type) VALUES (@tag, @position, @type);";
        var (tagParameter, positionParameter, typeParameter) =
            (insert.Parameters.Add("@tag", SqliteType.Text), insert.Parameters.Add("@position", SqliteType.Integer), insert.Parameters.Add("@type", SqliteType.Text));
        foreach (var (tag, position, type) in tagged)
        {
            (tagParameter.Value, positionParameter.Value, typeParameter.Value) = (tag, position, type);
            await insert.ExecuteNonQueryAsync(ct);
        }
    }

    public static int LatestVersion => Scripts.Count;

    public static Task<int> MigrateAsync(SqliteConnection connection, CancellationToken cancellationToken = default) =>
        MigrateAsync(connection, LatestVersion, cancellationToken);

    /// <summary>Upgrades to <paramref name="target"/> (tests use it to make a database of an earlier version).</summary>
    internal static async Task<int> MigrateAsync(SqliteConnection connection, int target, CancellationToken cancellationToken)
    {
        await connection.ExecuteAsync("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL);", cancellationToken);
        var current = await CurrentVersionAsync(connection, cancellationToken);
        if (current > LatestVersion)
            throw new InvalidOperationException(
                $"The database is at schema version {current}, newer than this app knows ({LatestVersion}). Run a newer ClinicPortal.");

        for (var version = current + 1; version <= target; version++)
        {
            await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
            await using (var command = connection.CreateCommand())
            {
                command.Transaction = transaction;
                if (CodeSteps.TryGetValue(version, out var step))
                    await step(connection, transaction, cancellationToken);
                command.CommandText = Scripts[version - 1] +
                    "\nDELETE FROM schema_version;\nINSERT INTO schema_version (version) VALUES (@version);";
                command.Parameters.AddWithValue("@version", version);
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        return Math.Max(current, target);
    }

    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT coalesce(max(version), 0) FROM schema_version;";
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken));
    }
}
