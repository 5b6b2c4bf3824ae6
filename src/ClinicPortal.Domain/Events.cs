using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain;

/// <summary>Something that happened in the practice; the log of these is the source of truth.</summary>
public interface IClinicEvent;

/// <summary>A 10-minute slot: its id and the instant it starts.</summary>
public sealed record ScheduledSlot(Guid SlotId, DateTimeOffset StartUtc)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;
}

/// <summary>
/// One clinician's part of an appointment of several (a Diabetes review's nurse, its doctor): their kind and their own
/// run of slots. An appointment of one clinician has no parts in the log: its clinician and slots are the whole of it.
/// </summary>
public sealed record BookedPart(ClinicianKind Kind, Guid ClinicianId, IReadOnlyList<Guid> SlotIds);

/// <summary>
/// The patient's time of an appointment: from its first slot's start to its last slot's end, whoever's the slots are.
/// Its slots are in the log ordered by start, every part's together.
/// </summary>
/// <summary>
/// Which clashes staff booked (or moved) an appointment over, with their reason: the clinician's other patient then (a
/// squeeze-in), the patient's other appointment then, another appointment in the room then. Logged with the reason as
/// <c>overrode</c>; a booking logged before it was names none (null), only its reason.
/// </summary>
[Flags]
public enum Clash
{
    None = 0,
    Clinician = 1,
    Patient = 2,
    Room = 4,
}

public static class AppointmentTime
{
    /// <summary>How many 10-minute slots of the patient's time it takes (what the monthly limit counts): its length, not its clinicians' slots.</summary>
    public static int PatientSlots(this IReadOnlyList<ScheduledSlot> slots) =>
        slots.Count == 0 ? 0 : (int)((slots.Max(s => s.EndUtc) - slots.Min(s => s.StartUtc)) / SlotBlock.SlotLength);

    /// <summary>The clinicians of an appointment: each part's, or the one clinician's when it has no parts.</summary>
    public static IEnumerable<Guid> Clinicians(Guid clinicianId, IReadOnlyList<BookedPart>? parts) =>
        parts is { Count: > 0 } ? parts.Select(p => p.ClinicianId) : [clinicianId];
}

/// <summary>
/// A clinician offered slots on a day (a date in the practice's time zone). <paramref name="StaffOnly"/> slots are
/// booked by staff only (patients never see them online); <paramref name="OnlyFor"/>, when set, limits them to those
/// visit types; <paramref name="RoomId"/>, when set, is the room they are in (held by no other clinician meanwhile).
/// (The clinician's id keeps the name <c>DoctorId</c> the log has always used.)
/// </summary>
public sealed record DayScheduled(
    Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null,
    Guid? RoomId = null) : IClinicEvent;

/// <summary>
/// A doctor took slots of a day back, giving back the time of the rooms they were in (<paramref name="RoomIds"/>). They are
/// unbooked, or the clinician's whole part of visits they shared with others (<paramref name="LostParts"/>): such a visit is
/// not cancelled, it loses that part, as with a cancelled day, and waits on the conflicts desk; null in every removal
/// logged before a day could be shortened under a shared visit.
/// </summary>
public sealed record SlotsRemoved(
    Guid DoctorId, DateOnly Date, IReadOnlyList<Guid> SlotIds, IReadOnlyList<Guid>? RoomIds = null, IReadOnlyList<LostPart>? LostParts = null) : IClinicEvent;

/// <summary>
/// A patient (or staff for them) booked a visit type: its run of adjacent slots of one clinician. A booking logged
/// before visit types existed has no <paramref name="VisitTypeId"/> in the log; it is read as a Consultation (one
/// slot) or a Long consultation (two): see the upcaster in EventSerializer. <paramref name="Reason"/> is the
/// patient's reason for the visit, for staff. <paramref name="OverrideReason"/> is staff's reason for booking it over
/// the patient's other appointment at that time (a clash they chose, kept on the conflicts desk); null for every other.
/// <paramref name="Parts"/>: a visit of several clinicians, each part's clinician and slots (<paramref name="DoctorId"/>
/// is then the first part's, and <paramref name="Slots"/> every part's); null for a visit of one clinician, as every
/// booking was before visits had parts. <paramref name="RoomId"/>: the room the visit takes place in, held for its whole
/// span (from its first part's start to its last part's end: no other appointment is in that room meanwhile); null for a
/// visit in no room, and for every booking logged before appointments held their room (a booking of one clinician then
/// took just its slots' time of the room their block was in, as it still does).
/// </summary>
public sealed record SlotsBooked(
    Guid BookingId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, string BookedBy,
    Guid? VisitTypeId = null, string? Reason = null, string? OverrideReason = null, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null, Guid? HoldId = null, Clash? Overrode = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);

    /// <summary>The visit type booked, for events of either shape (not logged: the log has the field itself).</summary>
    public Guid VisitType => VisitTypeId ?? VisitTypes.VisitType.ForSlotCount(Slots.Count);
}

public enum CancellationReason
{
    Patient,
    Staff,
    QuotaExceeded,
}

/// <summary>
/// A booking was cancelled; its slots (every part's: <paramref name="Parts"/>, as booked) are available again, and its
/// room's time (<paramref name="RoomId"/>, as <see cref="SlotsBooked.RoomId"/>).
/// </summary>
public sealed record BookingCancelled(
    Guid BookingId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots,
    CancellationReason Reason, string By, IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);
}

/// <summary>
/// A booking that fell with its day: an appointment with others falls whole (<paramref name="Parts"/>: its clinicians'
/// slots, which are free again).
/// </summary>
public sealed record CancelledBooking(Guid BookingId, Guid PatientId, IReadOnlyList<ScheduledSlot> Slots, IReadOnlyList<BookedPart>? Parts = null);

/// <summary>
/// A doctor's whole day was cancelled: every slot and every booking of it, and the time of its rooms (<paramref name="RoomIds"/>).
/// An appointment the clinician had a part in with others is not cancelled: it loses that part (<paramref name="LostParts"/>),
/// keeps the others, and goes on the conflicts desk for a person to give the part to someone else, drop it, or cancel.
/// (A day cancelled before such appointments existed lost none.)
/// </summary>
public sealed record DayCancelled(
    Guid DoctorId, DateOnly Date, string Reason, IReadOnlyList<Guid> SlotIds,
    IReadOnlyList<CancelledBooking> CancelledBookings, string By, IReadOnlyList<Guid>? RoomIds = null,
    IReadOnlyList<LostPart>? LostParts = null) : IClinicEvent;

/// <summary>The part of an appointment with others that fell with its clinician's day: the appointment goes on without it, for now.</summary>
public sealed record LostPart(Guid BookingId, Guid PatientId, ClinicianKind Kind, IReadOnlyList<Guid> SlotIds);

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
public sealed record BookingMoved(
    Guid BookingId, Guid PatientId, Guid VisitTypeId,
    Guid FromDoctorId, DateOnly FromDate, IReadOnlyList<ScheduledSlot> FromSlots,
    Guid ToDoctorId, DateOnly ToDate, IReadOnlyList<ScheduledSlot> ToSlots,
    string By, string? OverrideReason = null, IReadOnlyList<BookedPart>? FromParts = null, IReadOnlyList<BookedPart>? ToParts = null,
    Guid? FromRoomId = null, Guid? ToRoomId = null, Clash? Overrode = null) : IClinicEvent
{
    public IEnumerable<Guid> FromClinicians => AppointmentTime.Clinicians(FromDoctorId, FromParts);

    public IEnumerable<Guid> ToClinicians => AppointmentTime.Clinicians(ToDoctorId, ToParts);

    /// <summary>The same time with another clinician (or, for a visit of several, another in one part): what resolving a deactivated clinician's appointment does.</summary>
    public bool IsReassignment => !FromClinicians.Order().SequenceEqual(ToClinicians.Order()) && FromSlots[0].StartUtc == ToSlots[0].StartUtc;

    /// <summary>The same slots in another room: staff changed the appointment's room on its own.</summary>
    public bool IsRoomChange => FromRoomId != ToRoomId && ToRoomId is not null && FromSlots.Select(s => s.SlotId).Order().SequenceEqual(ToSlots.Select(s => s.SlotId).Order());
}

public enum VisitOutcome
{
    Arrived,
    NoShow,
}

/// <summary>Staff recorded whether the patient came.</summary>
public sealed record VisitMarked(Guid BookingId, Guid PatientId, Guid DoctorId, DateOnly Date, VisitOutcome Outcome, string By) : IClinicEvent;

/// <summary>
/// A patient (or staff for them) holds a visit's time while they confirm: its slots are no one else's until
/// <paramref name="ExpiresAt"/>, when the practice gives them back (<see cref="HoldExpired"/>) unless the hold was confirmed
/// (a <see cref="SlotsBooked"/> naming it) or released first. The slots, parts and room are as a booking of them would be.
/// <paramref name="WaitId"/>: the waiting list made the hold for the patient's wait, offering them a time that came free.
/// </summary>
public sealed record HoldPlaced(
    Guid HoldId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, Guid VisitTypeId, DateTimeOffset ExpiresAt,
    string By, IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null, Guid? WaitId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);
}

/// <summary>
/// The patient let a hold go before it ran out: its slots are free again. <paramref name="At"/>: when (the patient's
/// cool-down on its clinicians runs from then); a release logged before releases said when has none, and starts no cool-down.
/// </summary>
public sealed record HoldReleased(
    Guid HoldId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, string By, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null, DateTimeOffset? At = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);
}

/// <summary>A hold's time ran out unconfirmed: the practice gave its slots back at the due time.</summary>
public sealed record HoldExpired(
    Guid HoldId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, DateTimeOffset ExpiresAt, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);
}

/// <summary>
/// The practice reminded the patient of an appointment <paramref name="HoursBefore"/> hours before it, at the time it is
/// at now (a moved appointment is reminded again at its new time). <paramref name="Skipped"/>: no email was needed, as the
/// appointment was booked or moved to this time within those hours and its own email had just told them.
/// </summary>
public sealed record ReminderSent(
    Guid BookingId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, int HoursBefore,
    IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null, bool Skipped = false) : IClinicEvent
{
    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);

    public DateTimeOffset StartUtc => Slots.Min(s => s.StartUtc);
}

/// <summary>
/// A patient asked to be told when a time frees up: for <paramref name="VisitTypeId"/>, with <paramref name="ClinicianId"/>
/// or anyone who gives it, on a day from <paramref name="From"/> to <paramref name="To"/>. The first in line is offered the
/// first matching time that frees (a <see cref="HoldPlaced"/> naming the wait).
/// </summary>
public sealed record WaitJoined(Guid WaitId, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, string By) : IClinicEvent;

/// <summary>The patient (or staff for them) left the waiting list.</summary>
public sealed record WaitLeft(Guid WaitId, Guid PatientId, Guid VisitTypeId, string By) : IClinicEvent;
