using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using Npgsql;
using NpgsqlTypes;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>The append's advisory-lock keys and the log's statements.</summary>
public sealed partial class PostgresEventStore
{
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

    private static string? MatchingPositions(Query query, NpgsqlParameterCollection parameters, string? afterParameter)
    {
        var count = 0;
        return LogQuerySql.MatchingPositions(query, value =>
        {
            var name = $"p{count++}";
            parameters.Add(new NpgsqlParameter(name, NpgsqlDbType.Text) { Value = value });
            return "@" + name;
        }, afterParameter);
    }

    private static NpgsqlBatchCommand Command(string sql, params NpgsqlParameter[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.AddRange(parameters);
        return command;
    }

    private static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(NpgsqlDataReader reader, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(cancellationToken))
            events.Add(EventSerializer.Read(reader));
        return events;
    }
}
