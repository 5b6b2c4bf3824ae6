using System.Text;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>The SQL of a <see cref="Query"/> over <c>events</c> and <c>event_tags</c>, the same on SQLite and PostgreSQL.</summary>
internal static class LogQuerySql
{
    /// <summary>
    /// SQL selecting the positions of the events matching <paramref name="query"/> (null: every event), one SELECT per
    /// query item joined by UNION; <paramref name="parameter"/> adds a value to the command and returns its placeholder.
    /// </summary>
    public static string? MatchingPositions(Query query, Func<object, string> parameter, string? afterParameter)
    {
        if (query.Items.Count == 0)
            return null;

        var selects = new List<string>();
        foreach (var item in query.Items)
        {
            var sql = new StringBuilder();
            if (item.Tags.Count == 0)
            {
                sql.Append("SELECT position FROM events e WHERE 1 = 1");
                if (item.Types.Count > 0)
                    sql.Append($" AND e.type IN ({string.Join(", ", item.Types.Select(parameter))})");
                if (afterParameter is not null)
                    sql.Append($" AND e.position > {afterParameter}");
            }
            else
            {
                sql.Append("SELECT t0.position FROM event_tags t0");
                for (var i = 1; i < item.Tags.Count; i++)
                    sql.Append($" JOIN event_tags t{i} ON t{i}.position = t0.position AND t{i}.tag = {parameter(item.Tags[i].Value)}");
                sql.Append($" WHERE t0.tag = {parameter(item.Tags[0].Value)}");
                if (item.Types.Count > 0)
                    sql.Append($" AND t0.type IN ({string.Join(", ", item.Types.Select(parameter))})");
                if (afterParameter is not null)
                    sql.Append($" AND t0.position > {afterParameter}");
            }
            selects.Add(sql.ToString());
        }
        return string.Join(" UNION ", selects);
    }
}
