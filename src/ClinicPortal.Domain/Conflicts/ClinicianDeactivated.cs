namespace ClinicPortal.Domain.Conflicts;

/// <summary>
/// The owner deactivated a clinician: they take no new bookings, and each of their appointments still to come is a
/// conflict until someone reassigns, moves or cancels it. (Clinicians deactivated before this event existed have no
/// such event: their appointments are not on the conflicts desk.)
/// </summary>
public sealed record ClinicianDeactivated(Guid ClinicianId, string By) : IClinicEvent;
