using System.Collections.Immutable;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// What a booking decision knows: the chosen slots, the patient's live bookings (to keep them from overlapping
/// and within the month's limit), and the live appointments in the room named that day (to keep the room to one at a time).
/// </summary>
public sealed record AppointmentToBook(
    Guid PatientId,
    ImmutableDictionary<Guid, SlotForAppointment> Slots,
    ImmutableDictionary<Guid, HeldSlots> PatientAppointments,
    VisitType? VisitType = null,
    ImmutableDictionary<Guid, RoomSpan>? RoomAppointments = null,
    ImmutableDictionary<Guid, HoldState>? PatientHolds = null)
{
    public ImmutableDictionary<Guid, RoomSpan> InRooms => RoomAppointments ?? ImmutableDictionary<Guid, RoomSpan>.Empty;

    /// <summary>The patient's holds the decision read (the one it confirms, or every one when placing a hold), by id.</summary>
    public ImmutableDictionary<Guid, HoldState> Holds => PatientHolds ?? ImmutableDictionary<Guid, HoldState>.Empty;
}
