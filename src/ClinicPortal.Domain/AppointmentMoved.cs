namespace ClinicPortal.Domain;

/// <summary>
/// A booking moved to another time: the same visit type in a run of one clinician's slots who gives it. Its old slots
/// are free and its new ones held from the same append: the old time stayed the patient's until the new one was
/// secured. A move to another clinician at the same time is a reassignment. <paramref name="OverrideReason"/>, as for
/// <see cref="SlotsBooked"/>: staff moved it over the patient's other appointment then. An appointment with several
/// clinicians moves whole, each part keeping its offset: <paramref name="FromParts"/> and <paramref name="ToParts"/>
/// (null for one clinician's, as every move was before visits had parts). <paramref name="FromRoomId"/> and
/// <paramref name="ToRoomId"/>: the room whose time it gives back and the one it now holds for its whole span (as
/// <see cref="SlotsBooked.RoomId"/>; null for none, and in every move logged before appointments held their room); the
/// same slots in another room are a change of room alone.
/// </summary>
public sealed record AppointmentMoved(
    Guid AppointmentId, Guid PatientId, Guid VisitTypeId,
    Guid FromClinicianId, DateOnly FromDate, IReadOnlyList<ScheduledSlot> FromSlots,
    Guid ToClinicianId, DateOnly ToDate, IReadOnlyList<ScheduledSlot> ToSlots,
    string By, string? OverrideReason = null, IReadOnlyList<BookedPart>? FromParts = null, IReadOnlyList<BookedPart>? ToParts = null,
    Guid? FromRoomId = null, Guid? ToRoomId = null, Clash? Overrode = null) : IClinicEvent
{
    public IEnumerable<Guid> FromClinicians => AppointmentTime.Clinicians(FromClinicianId, FromParts);

    public IEnumerable<Guid> ToClinicians => AppointmentTime.Clinicians(ToClinicianId, ToParts);

    /// <summary>The same time with another clinician (or, for a visit of several, another in one part): what resolving a deactivated clinician's appointment does.</summary>
    public bool IsReassignment => !FromClinicians.Order().SequenceEqual(ToClinicians.Order()) && FromSlots[0].StartUtc == ToSlots[0].StartUtc;

    /// <summary>The same slots in another room: staff changed the appointment's room on its own.</summary>
    public bool IsRoomChange => FromRoomId != ToRoomId && ToRoomId is not null && FromSlots.Select(s => s.SlotId).Order().SequenceEqual(ToSlots.Select(s => s.SlotId).Order());
}
