using System.Text.Json;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Privacy;

/// <summary>
/// The one rewrite of the log there will ever be: free text about a patient logged before it was sealed
/// (<see cref="PersonalText"/>) is sealed in place under that patient's key, once, at the first start that finds it. Only
/// those fields' values change, each in the event's JSON as it was written (no other byte, no position, tag, time or
/// author); the events' no-update guard is lifted for this transaction alone. The read models, which copied the text,
/// are then rebuilt from the log. Where it got to is kept as the checkpoint <see cref="Name"/>, so a later start reads
/// only the events logged since (all sealed by the store as they were appended).
/// </summary>
public sealed class PersonalTextUpgrade(ClinicDatabase database, PersonalKeys keys, ILogger<PersonalTextUpgrade> log)
{
    public const string Name = "personal-text-sealed";

    private static readonly string[] Types = [EventTypes.NameOf<Domain.SlotsBooked>(), EventTypes.NameOf<Domain.AppointmentMoved>()];

    /// <summary>Seals what was logged in the clear; the number of events rewritten (0 when there was nothing to seal).</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var done = (await database.RowsAsync<long>("SELECT position FROM checkpoints WHERE name = @name;", ct, ("@name", Name))).SingleOrDefault();
        var last = (await database.RowsAsync<long>("SELECT coalesce(max(position), 0) FROM events;", ct)).Single();
        if (done >= last)
            return 0;
        var (typeList, typeParameters) = SqlList.In("@type", Types);
        var candidates = await database.RowsAsync<EventData>(
            $"SELECT position, type, data FROM events WHERE position > @done AND position <= @last AND type IN ({typeList}) ORDER BY position;",
            ct, [("@done", done), ("@last", last), .. typeParameters!]);

        // The keys are made (and committed) first: on SQLite the rewrite below holds the only write lock.
        var rewritten = new List<(long Position, string Data)>();
        foreach (var row in candidates)
        {
            var @event = EventSerializer.Deserialize(row.Type, row.Data);
            if (PersonalText.OwnerOf(@event) is not { } owner)
                continue;
            var data = row.Data;
            foreach (var name in PersonalText.JsonNames)
            {
                if (Value(data, name) is not { } text || PersonalKeys.IsSealed(text))
                    continue;
                data = data.Replace($"\"{name}\":{Json(text)}", $"\"{name}\":{Json(await keys.SealAsync(owner, text, ct))}", StringComparison.Ordinal);
                if (Value(data, name) is not { } now || !PersonalKeys.IsSealed(now))
                    throw new InvalidOperationException($"The {name} of the event at position {row.Position} is not written as this version writes it: it was not sealed.");
            }
            if (data != row.Data)
                rewritten.Add((row.Position, data));
        }

        await using var write = await database.BeginAsync(ct);
        var sqlite = database.Dialect == SqlDialect.Sqlite;
        if (rewritten.Count > 0)
        {
            await write.Session.ExecuteAsync(sqlite ? "DROP TRIGGER events_are_never_updated;" : "ALTER TABLE events DISABLE TRIGGER events_are_append_only;", ct);
            foreach (var (position, data) in rewritten)
                await write.Session.ExecuteAsync("UPDATE events SET data = @data WHERE position = @position;", ct, ("@data", data), ("@position", position));
            await write.Session.ExecuteAsync(sqlite
                ? "CREATE TRIGGER events_are_never_updated BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are never updated'); END;"
                : "ALTER TABLE events ENABLE TRIGGER events_are_append_only;", ct);
            // Every read model rebuilds from the log at this start, so none keeps a copy of the text in the clear.
            await write.Session.ExecuteAsync("DELETE FROM projection_versions;", ct);
        }
        await write.Session.ExecuteAsync(Checkpoints.UpsertSql, ct, ("@name", Name), ("@position", last));
        await write.CommitAsync(ct);
        if (rewritten.Count > 0)
            log.LogInformation("Sealed the free text about patients in {Count} events logged before it was sealed", rewritten.Count);
        return rewritten.Count;
    }

    /// <summary>A top-level string property's value in an event's JSON (null when it is absent or null).</summary>
    private static string? Value(string json, string name)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }

    /// <summary>A string as the log's serializer writes it (its escaping), to find it in the JSON as written.</summary>
    private static string Json(string text) => EventSerializer.SerializeText(text);

    private sealed record EventData(long Position, string Type, string Data);
}
