using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Book a visit type for a patient: its run of adjacent slots of one clinician who gives it, all or nothing.
/// Without <paramref name="VisitTypeId"/> it is today's single or double slot: one slot is a Consultation, two a Long
/// consultation. <paramref name="Date"/> is the slots' practice date as the caller found it: the decision then reads
/// only the patient's bookings of that month, not their whole history (and refuses if a slot is of another month).
/// Without it, it reads them all. <paramref name="KindOf"/> says each clinician's kind (from the accounts; a kind
/// never changes), for visit types given by a kind; without it every clinician is a doctor, as before there were others.
/// <paramref name="RoomOf"/> says what each room is (from the rooms read model), for visit types that need a room
/// feature; without it no room has any. <paramref name="OverrideReason"/>: staff book it even over a clash, for this
/// reason: the clinician's other appointment at that time (the slots are then held by both), the patient's other
/// appointment then, or another appointment in the room then (the clash goes on the conflicts desk). <paramref name="RoomId"/> is the slots' room as the caller found it: with <paramref name="Date"/>, the
/// decision reads that room's appointments of the day (and refuses if the slots turn out to be in another room).
/// <paramref name="HoldId"/>: the booking confirms that hold of the patient's, of these slots, before it runs out (every
/// booking rule judged again); the booking is logged naming it, which ends it. <paramref name="Window"/>: how far ahead
/// patients may book (none: any time ahead, as before the practice set one). <paramref name="Accounts"/>: what the
/// accounts say of the patient and the slots' clinicians (none: a patient's active account, clinicians taking bookings).
/// </summary>
public sealed record BookSlots(
    Guid AppointmentId, Guid PatientId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateOnly? Date = null,
    Guid? VisitTypeId = null, string? Reason = null, Func<Guid, ClinicianKind?>? KindOf = null, Func<Guid, Room?>? RoomOf = null,
    string? OverrideReason = null, Guid? RoomId = null, Guid? HoldId = null, Policies.BookingWindow? Window = null,
    AccountFacts? Accounts = null) : ICommand<BookSlots, BookSlotsDecider, AppointmentToBook, SlotsBooked>
{
    /// <summary>The visit type decided on: the one named, or the one today's single or double slot stands for.</summary>
    public Guid VisitType => VisitTypeId ?? VisitTypes.VisitType.ForSlotCount(SlotIds.Count);
}
