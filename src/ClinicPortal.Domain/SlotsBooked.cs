namespace ClinicPortal.Domain;

/// <summary>
/// A patient (or staff for them) booked a visit type: its run of adjacent slots of one clinician. A booking logged
/// before visit types existed has no <paramref name="VisitTypeId"/> in the log; it is read as a Consultation (one
/// slot) or a Long consultation (two): see the upcaster in EventSerializer. <paramref name="Reason"/> is the
/// patient's reason for the visit, for staff. <paramref name="OverrideReason"/> is staff's reason for booking it over
/// the patient's other appointment at that time (a clash they chose, kept on the conflicts desk); null for every other.
/// <paramref name="Parts"/>: a visit of several clinicians, each part's clinician and slots (<paramref name="ClinicianId"/>
/// is then the first part's, and <paramref name="Slots"/> every part's); null for a visit of one clinician, as every
/// booking was before visits had parts. <paramref name="RoomId"/>: the room the visit takes place in, held for its whole
/// span (from its first part's start to its last part's end: no other appointment is in that room meanwhile); null for a
/// visit in no room, and for every booking logged before appointments held their room (a booking of one clinician then
/// took just its slots' time of the room their block was in, as it still does). <paramref name="SeriesId"/>: the series of
/// appointments it was booked in, together with the others in one append (null for a booking of its own; not written then,
/// so such a booking's JSON is as it always was).
/// </summary>
public sealed record SlotsBooked(
    Guid AppointmentId, Guid PatientId, Guid ClinicianId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, string BookedBy,
    Guid? VisitTypeId = null, string? Reason = null, string? OverrideReason = null, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null, Guid? HoldId = null, Clash? Overrode = null, Guid? SeriesId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(ClinicianId, Parts);

    /// <summary>The visit type booked, for events of either shape (not logged: the log has the field itself).</summary>
    public Guid VisitType => VisitTypeId ?? VisitTypes.VisitType.ForSlotCount(Slots.Count);
}
