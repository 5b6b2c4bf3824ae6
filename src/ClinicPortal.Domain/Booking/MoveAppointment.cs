using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Move a booking to other slots: the same visit type and length, in a run of one clinician's adjacent free slots
/// (the same clinician or another who gives it). One conditional append over the old and the new slots: the old time
/// stays the patient's until the new one is secured. <paramref name="PatientId"/> and <paramref name="VisitTypeId"/>
/// are the booking's as the caller read them (they never change), so the decision can read the patient's month and the
/// visit type's definition; <paramref name="Date"/> is the new slots' practice date as the caller found it.
/// <paramref name="Shape"/>: staff change the appointment's parts themselves (one part's start or end, a part added or
/// removed): the new slots then make these parts, whatever the visit type's, and may be more or fewer than before.
/// <paramref name="RoomId"/>: the new slots' room as the caller found it (see <see cref="BookSlots.RoomId"/>); for a change of
/// parts, the booking's own room, which the visit keeps.
/// <paramref name="Window"/>: patients move online only until the cut-off before the old time, and to a new time they could book.
/// </summary>
public sealed record MoveAppointment(
    Guid AppointmentId, Guid PatientId, Guid VisitTypeId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateOnly? Date = null,
    Func<Guid, ClinicianKind?>? KindOf = null, Func<Guid, Rooms.Room?>? RoomOf = null, string? OverrideReason = null,
    IReadOnlyList<VisitPart>? Shape = null, Guid? RoomId = null, Policies.BookingWindow? Window = null, bool ToClinicianNotTakingBookings = false)
    : ICommand<MoveAppointment, MoveAppointmentDecider, MoveRequest, AppointmentMoved>;
