using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>The log itself, newest first, narrowed by the tags of a clinician, a patient or a practice day.</summary>
public sealed class AuditTrail(ClinicDatabase database, Privacy.PersonalKeys keys) : IAuditQueries
{
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(AuditFilter filter, CancellationToken ct = default)
    {
        var sql = "SELECT position, type, data, tags, recorded_at, caused_by FROM events e WHERE 1 = 1";
        var parameters = new List<(string Name, object Value)>();
        void Tagged(string name, string tag)
        {
            sql += $" AND EXISTS (SELECT 1 FROM event_tags t WHERE t.tag = {name} AND t.position = e.position)";
            parameters.Add((name, tag));
        }
        if (filter.ClinicianId is { } clinician)
            Tagged("@doctor", Tag.Clinician(clinician).Value);
        if (filter.PatientId is { } patient)
            Tagged("@patient", Tag.Patient(patient).Value);
        if (filter.Tagged is { } tagged)
            Tagged("@tagged", tagged.Value);
        if (filter.Date is { } date)
        {
            sql += " AND EXISTS (SELECT 1 FROM event_tags t WHERE t.tag LIKE 'day:%' AND t.tag LIKE @day AND t.position = e.position)";
            parameters.Add(("@day", $"day:%:{date:yyyy-MM-dd}"));
        }
        if (filter.Types is { } types)
        {
            var (list, named) = SqlList.In("@type", types);
            sql += named.Length == 0 ? " AND 1 = 0" : $" AND e.type IN ({list})";
            parameters.AddRange(named);
        }
        if (filter.After is { } after)
        {
            sql += " AND e.position > @after";
            parameters.Add(("@after", after));
        }
        parameters.Add(("@limit", Math.Clamp(filter.Limit, 1, 1000)));
        return await OpenAsync(await database.RowsAsync<EventRow>(sql + " ORDER BY position DESC LIMIT @limit;", ct, parameters.ToArray()!), ct);
    }

    /// <summary>
    /// The events carrying any of <paramref name="tags"/>, in one statement: for each tag its latest <paramref name="perTag"/>
    /// at most (as one <see cref="ReadAsync"/> of that tag would give them), newest first.
    /// </summary>
    public async Task<IReadOnlyList<StoredEvent>> ReadTaggedAnyAsync(IReadOnlyList<Tag> tags, int perTag, CancellationToken ct = default)
    {
        var distinct = tags.Distinct().ToArray();
        if (distinct.Length == 0)
            return [];
        var (list, named) = SqlList.In("@tag", distinct.Select(tag => tag.Value));
        var sql = $"""
            SELECT position, type, data, tags, recorded_at, caused_by FROM events e
            WHERE e.position IN (
                SELECT position FROM (
                    SELECT t.position, row_number() OVER (PARTITION BY t.tag ORDER BY t.position DESC) AS latest
                    FROM event_tags t WHERE t.tag IN ({list})
                ) ranked WHERE latest <= @perTag)
            ORDER BY position DESC;
            """;
        return await OpenAsync(await database.RowsAsync<EventRow>(sql, ct, [.. named!, ("@perTag", perTag)]), ct);
    }

    /// <summary>The events as people read them: the free text about a patient opened (the log keeps it sealed).</summary>
    private async Task<IReadOnlyList<StoredEvent>> OpenAsync(IReadOnlyList<EventRow> rows, CancellationToken ct)
    {
        var events = new StoredEvent[rows.Count];
        for (var i = 0; i < rows.Count; i++)
        {
            var stored = rows[i].Stored;
            events[i] = stored with { Event = await keys.OpenAsync(stored.Event, ct) };
        }
        return events;
    }
}
