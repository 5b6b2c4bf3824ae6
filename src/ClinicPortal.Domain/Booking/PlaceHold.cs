using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Hold a visit's time for the patient while they confirm, until <paramref name="ExpiresAt"/>: every rule a booking of
/// these slots obeys (see <see cref="BookSlots"/>, whose fields these are), no other hold on them, none of the patient's
/// other holds over that time, one hold of the patient's at a time (<see cref="PlaceHoldDecider.MaxPendingPerPatient"/>),
/// and the <paramref name="Limits"/> (none given: <see cref="HoldLimits.Default"/>). No override: a hold is a patient's
/// way to book, and staff book over a clash directly.
/// </summary>
public sealed record PlaceHold(
    Guid HoldId, Guid PatientId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateTimeOffset ExpiresAt, DateOnly? Date = null,
    Guid? VisitTypeId = null, Func<Guid, ClinicianKind?>? KindOf = null, Func<Guid, Room?>? RoomOf = null, Guid? RoomId = null,
    Policies.BookingWindow? Window = null, HoldLimits? Limits = null, AccountFacts? Accounts = null) : ICommand<PlaceHold, PlaceHoldDecider, AppointmentToBook, HoldPlaced>
{
    public BookSlots AsAppointment => new(HoldId, PatientId, SlotIds, By, Now, Date, VisitTypeId, null, KindOf, RoomOf, null, RoomId, Window: Window, Accounts: Accounts);
}
