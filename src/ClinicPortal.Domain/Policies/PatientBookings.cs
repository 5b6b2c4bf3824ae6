using System.Collections.Immutable;

namespace ClinicPortal.Domain.Policies;

/// <summary>A patient's live bookings, folded from the booking events tagged with the patient.</summary>
public sealed record PatientBookings(Guid PatientId, ImmutableDictionary<Guid, HeldBooking> Held, long Seen)
{
    public static PatientBookings None(Guid patientId) => new(patientId, ImmutableDictionary<Guid, HeldBooking>.Empty, 0);

    public PatientBookings Evolve(IClinicEvent @event) => @event switch
    {
        SlotsBooked e when e.PatientId == PatientId => this with
        {
            Held = Held.SetItem(e.BookingId, new HeldBooking(e.BookingId, e.ClinicianId, e.Date, e.Slots, Seen + 1, false, e.Parts, e.RoomId)),
            Seen = Seen + 1,
        },
        BookingCancelled e => this with { Held = Held.Remove(e.BookingId) },
        // A moved booking keeps its place in the order it was made; one moved in from a month not read counts as made now.
        BookingMoved e when e.PatientId == PatientId => Held.TryGetValue(e.BookingId, out var moved)
            ? this with { Held = Held.SetItem(e.BookingId, moved with { ClinicianId = e.ToClinicianId, Date = e.ToDate, Slots = e.ToSlots, Parts = e.ToParts, RoomId = e.ToRoomId }) }
            : this with { Held = Held.SetItem(e.BookingId, new HeldBooking(e.BookingId, e.ToClinicianId, e.ToDate, e.ToSlots, Seen + 1, false, e.ToParts, e.ToRoomId)), Seen = Seen + 1 },
        DayCancelled e => this with { Held = Held.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)) },
        VisitMarked e when Held.TryGetValue(e.BookingId, out var held) => this with { Held = Held.SetItem(e.BookingId, held with { Marked = true }) },
        _ => this,
    };
}
