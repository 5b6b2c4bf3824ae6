using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application.Queries;

/// <param name="After">Only the entries logged after this position (the changes since a past view).</param>
/// <summary>What the audit trail shows: entries of a clinician, a patient, a day, after a position, of some event types (none: all).</summary>
public sealed record AuditFilter(
    Guid? ClinicianId = null, Guid? PatientId = null, DateOnly? Date = null, int Limit = 200, Tag? Tagged = null, long? After = null,
    IReadOnlyList<string>? Types = null);
