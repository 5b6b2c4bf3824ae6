namespace ClinicPortal.Application.Queries;

/// <summary>
/// A booking as its patient and the pages about it see it: from its first part's start to its last part's end, with its
/// clinician (a visit of several: the first part's) and every one of its <paramref name="Clinicians"/>;
/// <paramref name="SeriesId"/>: the series it was booked in, if any.
/// </summary>
public sealed record PatientAppointment(
    Guid AppointmentId, Guid PatientId, Guid ClinicianId, DateOnly Date, DateTimeOffset StartUtc, DateTimeOffset EndUtc,
    int SlotCount, string? Cancelled, string? VisitOutcome, Guid VisitTypeId = default, string? Reason = null, Guid? RoomId = null,
    IReadOnlyList<Guid>? Clinicians = null, Guid? SeriesId = null)
{
    /// <summary>Whether it is a visit of several clinicians, each for their own part.</summary>
    public bool HasParts => Clinicians is { Count: > 1 };

    /// <summary>Every clinician of it (its one clinician when the read gave none).</summary>
    public IReadOnlyList<Guid> Team => Clinicians ?? [ClinicianId];
}
