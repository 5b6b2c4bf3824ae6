using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application.Queries;

/// <summary>The log as the audit trail and the API read it.</summary>
public interface IAuditQueries
{
    Task<IReadOnlyList<StoredEvent>> ReadAsync(AuditFilter filter, CancellationToken ct = default);
    Task<IReadOnlyList<StoredEvent>> ReadTaggedAnyAsync(IReadOnlyList<Tag> tags, int perTag, CancellationToken ct = default);
}
