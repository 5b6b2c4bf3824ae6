using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.ReadModels;

public sealed record AuditFilter(Guid? DoctorId = null, Guid? PatientId = null, DateOnly? Date = null, int Limit = 200, Tag? Tagged = null);

/// <summary>The log itself, newest first, narrowed by the tags of a doctor, a patient or a practice day.</summary>
public sealed class AuditTrail(ClinicDatabase database)
{
    public async Task<IReadOnlyList<StoredEvent>> ReadAsync(AuditFilter filter, CancellationToken ct = default)
    {
        await using var connection = await database.OpenAsync(ct);
        await using var command = connection.CreateCommand();
        var sql = "SELECT position, type, data, tags, recorded_at, caused_by FROM events e WHERE 1 = 1";
        if (filter.DoctorId is { } doctor)
        {
            sql += " AND EXISTS (SELECT 1 FROM event_tags t WHERE t.tag = $doctor AND t.position = e.position)";
            command.Parameters.AddWithValue("$doctor", Tag.Doctor(doctor).Value);
        }
        if (filter.PatientId is { } patient)
        {
            sql += " AND EXISTS (SELECT 1 FROM event_tags t WHERE t.tag = $patient AND t.position = e.position)";
            command.Parameters.AddWithValue("$patient", Tag.Patient(patient).Value);
        }
        if (filter.Tagged is { } tagged)
        {
            sql += " AND EXISTS (SELECT 1 FROM event_tags t WHERE t.tag = $tagged AND t.position = e.position)";
            command.Parameters.AddWithValue("$tagged", tagged.Value);
        }
        if (filter.Date is { } date)
        {
            sql += " AND EXISTS (SELECT 1 FROM event_tags t WHERE t.tag LIKE 'day:%' AND t.tag LIKE $day AND t.position = e.position)";
            command.Parameters.AddWithValue("$day", $"day:%:{date:yyyy-MM-dd}");
        }
        command.CommandText = sql + " ORDER BY position DESC LIMIT $limit;";
        command.Parameters.AddWithValue("$limit", Math.Clamp(filter.Limit, 1, 1000));
        return await SqliteEventStore.ReadEventsAsync(command, ct);
    }
}
