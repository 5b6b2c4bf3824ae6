using System.Data;
using System.Globalization;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using Npgsql;
using NpgsqlTypes;

namespace ClinicPortal.Infrastructure.EventStore;

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
/// after the append that took 11, and a reader that had already read 11 would skip 10 for ever. Each append takes its
/// transaction id and its positions together under one short lock (<c>clinic_reserve_positions</c>), so ids and
/// positions rise together; a reader reads only events of transactions older than every transaction still running
/// (<c>tx &lt; pg_snapshot_xmin</c>). Whatever commits later has a higher id, hence higher positions than everything
/// read. The log's last position is that horizon too, so a decision's condition covers any event it could not see.
/// Gaps (a rolled-back append's positions) are harmless: readers ask for "after P", never "P + 1".
/// </para>
/// </summary>
public sealed class PostgresEventStore(NpgsqlDataSource dataSource, EventLogSignal signal, PostgresInstance instance) : IEventStore
{
    private const string Columns = "position, type, data, tags, recorded_at, caused_by";

    /// <summary>The highest position below which every event is settled: nothing running can still add one there.</summary>
    private const string Horizon =
        "SELECT coalesce((SELECT position FROM events WHERE tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY position DESC LIMIT 1), 0)";

    public async Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        // One snapshot for the events and the horizon.
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        long last;
        await using (var horizon = new NpgsqlCommand(Horizon + ";", connection, transaction))
            last = (long)(await horizon.ExecuteScalarAsync(cancellationToken))!;

        await using var command = new NpgsqlCommand { Connection = connection, Transaction = transaction };
        var matching = MatchingPositions(query, command, afterParameter: null);
        command.CommandText = $"SELECT {Columns} FROM events" + (matching is null ? "" : $" WHERE position IN ({matching})") + " ORDER BY position;";
        var events = await ReadEventsAsync(command, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new EventStream(events, last);
    }

    public async Task<long> AppendAsync(
        IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(events));
        var rows = events.Select(e => (Type: EventTypes.NameOf(e), Data: EventSerializer.Serialize(e), Tags: EventTags.Of(e))).ToArray();
        var (keys, exclusive) = LockKeys(rows.Select(r => (r.Type, r.Tags)), condition);

        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await using (var locks = new NpgsqlCommand("SELECT clinic_lock_keys(@keys, @exclusive);", connection, transaction))
        {
            locks.Parameters.Add(new NpgsqlParameter<string[]>("keys", keys));
            locks.Parameters.Add(new NpgsqlParameter<bool[]>("exclusive", exclusive));
            await locks.ExecuteNonQueryAsync(cancellationToken);
        }
        if (condition is not null)
        {
            // A statement after the locks: under READ COMMITTED it sees every append that held one of them.
            await using var check = new NpgsqlCommand { Connection = connection, Transaction = transaction };
            check.Parameters.Add(new NpgsqlParameter<long>("after", condition.After));
            var matching = MatchingPositions(condition.FailIfEventsMatch, check, afterParameter: "@after")
                ?? "SELECT position FROM events WHERE position > @after";
            check.CommandText = $"SELECT EXISTS ({matching});";
            if ((bool)(await check.ExecuteScalarAsync(cancellationToken))!)
                throw new AppendConditionFailedException(condition);
        }

        long last;
        await using (var reserve = new NpgsqlCommand("SELECT clinic_reserve_positions(@n);", connection, transaction))
        {
            reserve.Parameters.Add(new NpgsqlParameter<int>("n", rows.Length));
            last = (long)(await reserve.ExecuteScalarAsync(cancellationToken))!;
        }
        var first = last - rows.Length + 1;
        var positions = Enumerable.Range(0, rows.Length).Select(i => first + i).ToArray();
        var recordedAt = metadata.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        var tagRows = rows.SelectMany((row, i) => row.Tags.Distinct().Select(tag => (Tag: tag.Value, Position: positions[i], row.Type))).ToArray();

        await using (var insert = new NpgsqlBatch(connection, transaction))
        {
            insert.BatchCommands.Add(Command(
                "INSERT INTO events (position, type, data, tags, recorded_at, caused_by) " +
                "SELECT p, t, d, g, @at, @by FROM unnest(@positions, @types, @data, @tags) AS u(p, t, d, g);",
                new NpgsqlParameter<long[]>("positions", positions),
                new NpgsqlParameter<string[]>("types", rows.Select(r => r.Type).ToArray()),
                new NpgsqlParameter<string[]>("data", rows.Select(r => r.Data).ToArray()),
                new NpgsqlParameter<string[]>("tags", rows.Select(r => string.Join(' ', r.Tags)).ToArray()),
                new NpgsqlParameter<string>("at", recordedAt),
                new NpgsqlParameter<string>("by", metadata.CausedBy)));
            insert.BatchCommands.Add(Command(
                "INSERT INTO event_tags (tag, position, type) SELECT * FROM unnest(@tag, @position, @type);",
                new NpgsqlParameter<string[]>("tag", tagRows.Select(t => t.Tag).ToArray()),
                new NpgsqlParameter<long[]>("position", tagRows.Select(t => t.Position).ToArray()),
                new NpgsqlParameter<string[]>("type", tagRows.Select(t => t.Type).ToArray())));
            // Delivered to every listening instance when, and only if, the transaction commits.
            insert.BatchCommands.Add(Command(
                "SELECT pg_notify(@channel, @payload);",
                new NpgsqlParameter<string>("channel", PostgresLogSchema.Channel),
                new NpgsqlParameter<string>("payload", PostgresInstance.Payload(instance.Id, first, last))));
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(CancellationToken.None);

        signal.Notify(new Appended(last, rows.SelectMany(r => r.Tags).ToHashSet()));
        return last;
    }

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(Horizon + ";", connection);
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    /// <summary>Up to <paramref name="maxCount"/> settled events after <paramref name="position"/>: never one that a late commit could still precede.</summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand(
            $"SELECT {Columns} FROM events WHERE position > @after AND tx < pg_snapshot_xmin(pg_current_snapshot()) ORDER BY position LIMIT @max;",
            connection);
        command.Parameters.Add(new NpgsqlParameter<long>("after", position));
        command.Parameters.Add(new NpgsqlParameter<int>("max", maxCount));
        return await ReadEventsAsync(command, cancellationToken);
    }

    /// <summary>The tags of the events at positions <paramref name="first"/> to <paramref name="last"/> (for another instance's append).</summary>
    internal async Task<IReadOnlySet<Tag>> TagsBetweenAsync(long first, long last, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT DISTINCT tag FROM event_tags WHERE position BETWEEN @first AND @last;", connection);
        command.Parameters.Add(new NpgsqlParameter<long>("first", first));
        command.Parameters.Add(new NpgsqlParameter<long>("last", last));
        var tags = new HashSet<Tag>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            tags.Add(new Tag(reader.GetString(0)));
        return tags;
    }

    /// <summary>
    /// The advisory-lock keys of one append: exclusive for what its condition asks about, shared for what its events
    /// are about. A query item matches only events carrying all of its tags, so locking one of them covers the item;
    /// an item with no tags is covered by its types (or, matching everything, by the whole log's key).
    /// </summary>
    internal static (string[] Keys, bool[] Exclusive) LockKeys(IEnumerable<(string Type, IReadOnlyList<Tag> Tags)> events, AppendCondition? condition)
    {
        var keys = new Dictionary<string, bool>(StringComparer.Ordinal) { [AllKey] = false };
        foreach (var (type, tags) in events)
        {
            keys.TryAdd(TypeKey(type), false);
            foreach (var tag in tags)
                keys.TryAdd(tag.Value, false);
        }
        foreach (var item in condition?.FailIfEventsMatch.Items ?? [])
        {
            if (item.Tags.Count > 0)
                keys[item.Tags[0].Value] = true;
            else if (item.Types.Count > 0)
                foreach (var type in item.Types)
                    keys[TypeKey(type)] = true;
            else
                keys[AllKey] = true;
        }
        if (condition is { FailIfEventsMatch.Items.Count: 0 })
            keys[AllKey] = true;
        return (keys.Keys.ToArray(), keys.Values.ToArray());
    }

    private const string AllKey = "log:*";

    private static string TypeKey(string type) => "type:" + type;

    private static string? MatchingPositions(Query query, NpgsqlCommand command, string? afterParameter)
    {
        var count = 0;
        return LogQuerySql.MatchingPositions(query, value =>
        {
            var name = $"p{count++}";
            command.Parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
            return "@" + name;
        }, afterParameter);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var type = reader.GetString(1);
            events.Add(new StoredEvent(
                reader.GetInt64(0),
                EventSerializer.Deserialize(type, reader.GetString(2)),
                reader.GetString(3).Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => new Tag(t)).ToArray(),
                DateTimeOffset.Parse(reader.GetString(4), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind),
                reader.GetString(5)));
        }
        return events;
    }
}

/// <summary>This process among the instances sharing one PostgreSQL database: its id tells its own notifications from others'.</summary>
public sealed class PostgresInstance
{
    public Guid Id { get; } = Guid.NewGuid();

    internal static string Payload(Guid instance, long first, long last) => $"{instance:N}:{first}:{last}";

    internal static bool TryParse(string payload, out Guid instance, out long first, out long last)
    {
        instance = default;
        first = last = 0;
        var parts = payload.Split(':');
        return parts.Length == 3 && Guid.TryParseExact(parts[0], "N", out instance)
            && long.TryParse(parts[1], CultureInfo.InvariantCulture, out first) && long.TryParse(parts[2], CultureInfo.InvariantCulture, out last);
    }
}
