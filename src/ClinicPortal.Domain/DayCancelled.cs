namespace ClinicPortal.Domain;

/// <summary>
/// A clinician's whole day was cancelled: every slot and every booking of it, and the time of its rooms (<paramref name="RoomIds"/>).
/// An appointment the clinician had a part in with others is not cancelled: it loses that part (<paramref name="LostParts"/>),
/// keeps the others, and goes on the conflicts desk for a person to give the part to someone else, drop it, or cancel.
/// (A day cancelled before such appointments existed lost none.)
/// </summary>
public sealed record DayCancelled(
    Guid ClinicianId, DateOnly Date, string Reason, IReadOnlyList<Guid> SlotIds,
    IReadOnlyList<CancelledAppointment> CancelledAppointments, string By, IReadOnlyList<Guid>? RoomIds = null,
    IReadOnlyList<LostPart>? LostParts = null) : IClinicEvent;
