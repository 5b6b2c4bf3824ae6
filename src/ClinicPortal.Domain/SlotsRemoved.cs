namespace ClinicPortal.Domain;

/// <summary>
/// A clinician took slots of a day back, giving back the time of the rooms they were in (<paramref name="RoomIds"/>). They are
/// unbooked, or the clinician's whole part of visits they shared with others (<paramref name="LostParts"/>): such a visit is
/// not cancelled, it loses that part, as with a cancelled day, and waits on the conflicts desk; null in every removal
/// logged before a day could be shortened under a shared visit.
/// </summary>
public sealed record SlotsRemoved(
    Guid ClinicianId, DateOnly Date, IReadOnlyList<Guid> SlotIds, IReadOnlyList<Guid>? RoomIds = null, IReadOnlyList<LostPart>? LostParts = null) : IClinicEvent;
