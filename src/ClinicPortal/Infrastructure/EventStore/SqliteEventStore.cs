using System.Globalization;
using System.Text;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>
/// The event log in <c>clinic.db</c>. An append checks its condition and inserts its events, their tags and
/// the read-model updates in one <c>BEGIN IMMEDIATE</c> transaction: SQLite serialises writers, so no other
/// append can slip in between the check and the insert, and what a page reads after a command is already true.
/// </summary>
public sealed class SqliteEventStore(ClinicDatabase database, IEnumerable<IProjection> projections, EventLogSignal signal) : IEventStore
{
    private readonly IProjection[] _projections = projections.ToArray();

    public async Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction: the events and the last position come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var last = await LastPositionAsync(connection, transaction, cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var matching = MatchingPositions(query, command, afterParameter: null);
        command.CommandText =
            "SELECT position, type, data, tags, recorded_at, caused_by FROM events" +
            (matching is null ? "" : $" WHERE position IN ({matching})") +
            " ORDER BY position;";
        var events = await ReadEventsAsync(command, cancellationToken);
        return new EventStream(events, last);
    }

    public async Task<long> AppendAsync(
        IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(events));

        await using var connection = await database.OpenAsync(cancellationToken);
        await using var transaction = connection.BeginTransaction(deferred: false);

        if (condition is not null && await AnyMatchAfterAsync(connection, transaction, condition, cancellationToken))
            throw new AppendConditionFailedException(condition);

        var stored = new List<StoredEvent>(events.Count);
        await using (var session = new SqlSession(connection, transaction))
        {
            var recordedAt = metadata.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
            foreach (var @event in events)
            {
                var type = EventTypes.NameOf(@event);
                var tags = EventTags.Of(@event);
                var position = (long)(await session.ScalarAsync(
                    "INSERT INTO events (type, data, tags, recorded_at, caused_by) VALUES ($type, $data, $tags, $at, $by) RETURNING position;",
                    cancellationToken,
                    ("$type", type), ("$data", EventSerializer.Serialize(@event)), ("$tags", string.Join(' ', tags)),
                    ("$at", recordedAt), ("$by", metadata.CausedBy)))!;
                foreach (var tag in tags.Distinct())
                {
                    await session.ExecuteAsync(
                        "INSERT INTO event_tags (tag, position, type) VALUES ($tag, $position, $type);",
                        cancellationToken, ("$tag", tag.Value), ("$position", position), ("$type", type));
                }
                stored.Add(new StoredEvent(position, @event, tags, metadata.RecordedAt, metadata.CausedBy));
            }

            foreach (var projection in _projections)
            foreach (var @event in stored)
                await projection.ApplyAsync(session, @event, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        signal.Notify(stored[^1].Position);
        return stored[^1].Position;
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAfterAsync(connection, null, position, maxCount, cancellationToken);
    }

    internal static async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long position, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT position, type, data, tags, recorded_at, caused_by FROM events WHERE position > $after ORDER BY position LIMIT $max;";
        command.Parameters.AddWithValue("$after", position);
        command.Parameters.AddWithValue("$max", maxCount);
        return await ReadEventsAsync(command, cancellationToken);
    }

    private static async Task<bool> AnyMatchAfterAsync(
        SqliteConnection connection, SqliteTransaction transaction, AppendCondition condition, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("$after", condition.After);
        var matching = MatchingPositions(condition.FailIfEventsMatch, command, afterParameter: "$after")
            ?? "SELECT position FROM events WHERE position > $after";
        command.CommandText = $"SELECT EXISTS ({matching});";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    /// <summary>
    /// SQL selecting the positions of the events matching <paramref name="query"/> (null: every event),
    /// one SELECT per query item joined by UNION, with the item's tags and types as parameters.
    /// </summary>
    private static string? MatchingPositions(Query query, SqliteCommand command, string? afterParameter)
    {
        if (query.Items.Count == 0)
            return null;

        var parameterCount = 0;
        string Parameter(object value)
        {
            var name = $"$p{parameterCount++}";
            command.Parameters.AddWithValue(name, value);
            return name;
        }

        var selects = new List<string>();
        foreach (var item in query.Items)
        {
            var sql = new StringBuilder();
            if (item.Tags.Count == 0)
            {
                sql.Append("SELECT position FROM events e WHERE 1 = 1");
                if (item.Types.Count > 0)
                    sql.Append($" AND e.type IN ({string.Join(", ", item.Types.Select(Parameter))})");
                if (afterParameter is not null)
                    sql.Append($" AND e.position > {afterParameter}");
            }
            else
            {
                sql.Append("SELECT t0.position FROM event_tags t0");
                for (var i = 1; i < item.Tags.Count; i++)
                    sql.Append($" JOIN event_tags t{i} ON t{i}.position = t0.position AND t{i}.tag = {Parameter(item.Tags[i].Value)}");
                sql.Append($" WHERE t0.tag = {Parameter(item.Tags[0].Value)}");
                if (item.Types.Count > 0)
                    sql.Append($" AND t0.type IN ({string.Join(", ", item.Types.Select(Parameter))})");
                if (afterParameter is not null)
                    sql.Append($" AND t0.position > {afterParameter}");
            }
            selects.Add(sql.ToString());
        }
        return string.Join(" UNION ", selects);
    }

    internal static async Task<long> LastPositionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(position), 0) FROM events;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    internal static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
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
