using System.Data;
using System.Globalization;
using System.Threading.Channels;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.ReadModels;
using Npgsql;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// The event log on PostgreSQL, correct with many writers in many processes.
/// <para>
/// <b>The conditional append.</b> SQLite serialises every writer; PostgreSQL need not, so an append takes
/// transaction-scoped advisory locks instead: <i>exclusive</i> on the keys its condition asks about (one tag of each
/// query item, or the item's event types) and <i>shared</i> on every tag and type its own events carry, all in one fixed
/// order (no deadlocks). Then, under READ COMMITTED, it checks the condition — every append that could match it has
/// committed or waits behind the lock — inserts, and commits, releasing the locks. Appends about different slots,
/// patients and days never wait for each other; two bookings of one slot queue on the slot's key. SERIALIZABLE with
/// retries would also be correct, but it aborts innocent appends on index-page conflicts and retries whole decisions.
/// </para>
/// <para>
/// <b>Positions that readers never skip.</b> Positions come from a sequence, so an append can take position 10, commit
/// after the append that took 11, and a reader that had already read 11 would skip 10 for ever. So each append marks
/// its first position as unsettled (a shared advisory lock on it, held to its commit or rollback) as it takes its
/// positions (<c>clinic_reserve_positions</c>), and readers read only up to the log's settled horizon
/// (<c>clinic_log_horizon</c>): the last position handed out, or just below the lowest one still marked. The log's
/// last position is that horizon too, so a decision's condition covers any event it could not see. Only this
/// database's appends count: a long transaction elsewhere on the server holds nothing back. Gaps (a rolled-back
/// append's positions) are harmless: readers ask for "after P", never "P + 1".
/// </para>
/// </summary>
public sealed partial class PostgresEventStore(
    NpgsqlDataSource dataSource, IEnumerable<IProjection> projections, EventLogSignal signal, PostgresInstance instance, Privacy.PersonalKeys? personalKeys = null)
    : IEventStore, IAsyncDisposable
{
    private readonly IProjection[] _projections = projections.ToArray();

    // Other instances append to this log too, and their appends reach this one's signal over a connection that can
    // drop (PostgresLogListener): followers of the log here read it each second anyway.
    private readonly EventLogSignal _signal = SharedLog(signal);

    private static EventLogSignal SharedLog(EventLogSignal signal)
    {
        signal.SafetyPoll = PostgresLogListener.SafetyPoll;
        return signal;
    }

    /// <summary>The log alone, with no read models (for the benchmarks' raw figures).</summary>
    public PostgresEventStore(NpgsqlDataSource dataSource, EventLogSignal signal, PostgresInstance instance) : this(dataSource, [], signal, instance)
    {
    }

    private const string Columns = "position, type, data, tags, recorded_at, caused_by";

    /// <summary>The highest position below which every event is settled: nothing running can still add one there.</summary>
    private const string Horizon = "SELECT clinic_log_horizon()";

    public async Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default)
    {
        // One round trip: the horizon first, then the events. Read in that order, an event committed in between is
        // read with a horizon below it, so a decision on it is only ever refused needlessly, never let through wrongly.
        await using var batch = dataSource.CreateBatch();
        batch.BatchCommands.Add(new NpgsqlBatchCommand(Horizon + ";"));
        var events = new NpgsqlBatchCommand();
        var matching = MatchingPositions(query, events.Parameters, afterParameter: null);
        events.CommandText = $"SELECT {Columns} FROM events" + (matching is null ? "" : $" WHERE position IN ({matching})") + " ORDER BY position;";
        batch.BatchCommands.Add(events);
        await using var reader = await batch.ExecuteReaderAsync(cancellationToken);
        await reader.ReadAsync(cancellationToken);
        var last = reader.GetInt64(0);
        await reader.NextResultAsync(cancellationToken);
        return new EventStream(await ReadEventsAsync(reader, cancellationToken), last);
    }

    public async Task<long> AppendAsync(
        IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(events));
        // Free text about a patient is sealed under their key (none given: a copy of events already sealed).
        if (personalKeys is not null)
            events = await personalKeys.SealAsync(events, cancellationToken);
        var rows = events.Select(e => (Type: EventTypes.NameOf(e), Data: EventSerializer.Serialize(e), Tags: EventTags.Of(e))).ToArray();
        var (keys, exclusive) = LockKeys(rows.Select(r => (r.Type, r.Tags)), condition);
        var tagRows = rows.SelectMany((row, i) => row.Tags.Distinct().Select(tag => (Tag: tag.Value, Index: i + 1, row.Type))).ToArray();

        // Two round trips: the locks, then (a statement later, so that under READ COMMITTED it sees every append that
        // held one of them) the condition, the positions and the inserts in one statement; then the commit.
        await _appending.WaitAsync(cancellationToken);
        try
        {
            return await AppendLockedAsync(events, rows, keys, exclusive, tagRows, metadata, condition, cancellationToken);
        }
        finally
        {
            _appending.Release();
        }
    }

    /// <summary>
    /// At most this many appends of one instance are in the database at once; the rest wait here, in the process.
    /// Fifty transactions at once on a small server only queue for its cores and for the positions' lock (the
    /// benchmark: 50 callers booked fewer times a second than 8), while a few keep its disk flushes shared.
    /// </summary>
    public const int MaxConcurrentAppends = 8;

    private readonly SemaphoreSlim _appending = new(MaxConcurrentAppends);

    private async Task<long> AppendLockedAsync(
        IReadOnlyList<IClinicEvent> events, (string Type, string Data, IReadOnlyList<Tag> Tags)[] rows, string[] keys, bool[] exclusive, (string Tag, int Index, string Type)[] tagRows,
        EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command("SELECT clinic_lock_keys(@keys, @exclusive);",
            new NpgsqlParameter<string[]>("keys", keys), new NpgsqlParameter<bool[]>("exclusive", exclusive)));
        if (_projections.Length > 0)
        {
            // The read models are updated in the append's transaction, as on SQLite, one append at a time from here to
            // the commit: a projection reads its own rows before it writes them, which two appends about different
            // slots could otherwise both do at once. The conditions are still checked in parallel, under the locks above.
            batch.BatchCommands.Add(new NpgsqlBatchCommand(
                $"SELECT pg_advisory_xact_lock({PostgresLogSchema.PositionLockClass}, {PostgresLogSchema.ReadModelLockKey});"));
        }
        var insert = Command("", 
            new NpgsqlParameter<int>("n", rows.Length),
            new NpgsqlParameter<string[]>("types", rows.Select(r => r.Type).ToArray()),
            new NpgsqlParameter<string[]>("data", rows.Select(r => r.Data).ToArray()),
            new NpgsqlParameter<string[]>("tags", rows.Select(r => string.Join(' ', r.Tags)).ToArray()),
            new NpgsqlParameter<string>("at", metadata.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture)),
            new NpgsqlParameter<string>("by", metadata.CausedBy),
            new NpgsqlParameter<string[]>("tag", tagRows.Select(t => t.Tag).ToArray()),
            new NpgsqlParameter<int[]>("tag_index", tagRows.Select(t => t.Index).ToArray()),
            new NpgsqlParameter<string[]>("tag_type", tagRows.Select(t => t.Type).ToArray()));
        var unless = "";
        if (condition is not null)
        {
            insert.Parameters.Add(new NpgsqlParameter<long>("after", condition.After));
            var matching = MatchingPositions(condition.FailIfEventsMatch, insert.Parameters, afterParameter: "@after")
                ?? "SELECT position FROM events WHERE position > @after";
            unless = $" WHERE NOT EXISTS ({matching})";
        }
        insert.CommandText = $"""
            WITH r AS (SELECT clinic_reserve_positions(@n) AS last{unless}),
            e AS (INSERT INTO events (position, type, data, tags, recorded_at, caused_by)
                  SELECT r.last - @n + u.i, u.t, u.d, u.g, @at, @by FROM r, unnest(@types, @data, @tags) WITH ORDINALITY AS u(t, d, g, i)),
            g AS (INSERT INTO event_tags (tag, position, type)
                  SELECT x.tag, r.last - @n + x.i, x.type FROM r, unnest(@tag, @tag_index, @tag_type) AS x(tag, i, type))
            SELECT last FROM r;
            """;
        batch.BatchCommands.Add(insert);
        long last;
        await using (var reader = await batch.ExecuteReaderAsync(cancellationToken))
        {
            for (var skip = 1; skip < batch.BatchCommands.Count; skip++) // the locks' results
                await reader.NextResultAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                await reader.DisposeAsync();
                await transaction.RollbackAsync(CancellationToken.None);
                throw new AppendConditionFailedException(condition!);
            }
            last = reader.GetInt64(0);
        }
        if (_projections.Length > 0)
        {
            var stored = rows.Select((row, i) => new StoredEvent(last - rows.Length + 1 + i, events[i], row.Tags, metadata.RecordedAt, metadata.CausedBy)).ToArray();
            await using var session = new SqlSession(connection, transaction, SqlDialect.Postgres, batched: true);
            foreach (var projection in _projections)
            foreach (var @event in stored)
                await projection.ApplyAsync(session, @event, CancellationToken.None);
            await session.FlushAsync(CancellationToken.None);
        }
        await transaction.CommitAsync(CancellationToken.None);

        _signal.Notify(new Appended(last, rows.SelectMany(r => r.Tags).ToHashSet()));
        Announce(PostgresInstance.Payload(instance.Id, last - rows.Length + 1, last));
        return last;
    }

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand(Horizon + ";");
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Up to <paramref name="maxCount"/> settled events after <paramref name="position"/>: never one that a late commit could still precede.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var command = dataSource.CreateCommand($"SELECT {Columns} FROM clinic_read_after(@after, @max);");
        command.Parameters.Add(new NpgsqlParameter<long>("after", position));
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadEventsAsync(reader, cancellationToken);
    }

    /// <summary>Every committed event after <paramref name="position"/> on a connection of the caller's (a rebuild holding the read models' lock, which no append is then inside).</summary>
    internal static async Task<IReadOnlyList<StoredEvent>> ReadAllAfterAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long position, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand($"SELECT {Columns} FROM events WHERE position > @after ORDER BY position LIMIT @max;", connection, transaction);
        command.Parameters.Add(new NpgsqlParameter<long>("after", position));
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        return await ReadEventsAsync(reader, cancellationToken);
    }

    /// <summary>The tags of the events at positions <paramref name="first"/> to <paramref name="last"/> (for another instance's append).</summary>
    internal async Task<IReadOnlySet<Tag>> TagsBetweenAsync(long first, long last, CancellationToken cancellationToken)
    {
        await using var command = dataSource.CreateCommand("SELECT DISTINCT tag FROM event_tags WHERE position BETWEEN @first AND @last;");
        command.Parameters.Add(new NpgsqlParameter<long>("first", first));
        command.Parameters.Add(new NpgsqlParameter<long>("last", last));
        var tags = new HashSet<Tag>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tags.Add(new Tag(reader.GetString(0)));
        return tags;
    }

    // Other instances hear of each append by NOTIFY, sent after the commit rather than inside it: a transaction that
    // notifies holds one database-wide lock through its commit and its flush to disk, so notifying inside every append
    // made all appends commit one at a time (the benchmark's 50 callers ran slower than one). One sender per instance
    // sends whatever appends are waiting in one statement. A crash between a commit and its NOTIFY loses that wake-up
    // only: the other instances' reactions still poll the log each second, and their pages catch up on their next change.
    private readonly Channel<string> _announcements = Channel.CreateUnbounded<string>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _announcerGate = new();
    private Task? _announcer;

    private void Announce(string payload)
    {
        if (!_announcements.Writer.TryWrite(payload))
            return;
        if (_announcer is not null) return;
        lock (_announcerGate)
            _announcer ??= Task.Run(AnnounceLoopAsync);
    }

    private async Task AnnounceLoopAsync()
    {
        var payloads = new List<string>();
        while (await _announcements.Reader.WaitToReadAsync())
        {
            payloads.Clear();
            while (payloads.Count < 500 && _announcements.Reader.TryRead(out var next))
                payloads.Add(next);
            try
            {
                await using var command = dataSource.CreateCommand("SELECT count(pg_notify(@channel, p)) FROM unnest(@payloads) AS p;");
                command.Parameters.Add(new NpgsqlParameter<string>("channel", PostgresLogSchema.Channel));
                command.Parameters.Add(new NpgsqlParameter<string[]>("payloads", payloads.ToArray()));
                await command.ExecuteScalarAsync();
            }
            catch (Exception exception) when (exception is NpgsqlException or ObjectDisposedException or InvalidOperationException)
            {
                // The appends are committed; only the wake-up of the other instances is lost (they poll each second).
                System.Diagnostics.Trace.TraceWarning($"Announcing appends to other instances failed: {exception.Message}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _announcements.Writer.TryComplete();
        if (_announcer is not null)
            await _announcer;
    }
}
