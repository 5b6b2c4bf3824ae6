using System.Collections.Immutable;

namespace ClinicPortal.Domain.Policies;

/// <summary>A patient's live bookings, folded from the booking events tagged with the patient.</summary>
public sealed record PatientAppointments(Guid PatientId, ImmutableDictionary<Guid, HeldAppointment> Held, long Seen)
{
    public static PatientAppointments None(Guid patientId) => new(patientId, ImmutableDictionary<Guid, HeldAppointment>.Empty, 0);

    public PatientAppointments Evolve(IClinicEvent @event) => @event switch
    {
        SlotsBooked e when e.PatientId == PatientId => this with
        {
            Held = Held.SetItem(e.AppointmentId, new HeldAppointment(e.AppointmentId, e.ClinicianId, e.Date, e.Slots, Seen + 1, false, e.Parts, e.RoomId)),
            Seen = Seen + 1,
        },
        AppointmentCancelled e => this with { Held = Held.Remove(e.AppointmentId) },
        // A moved booking keeps its place in the order it was made; one moved in from a month not read counts as made now.
        AppointmentMoved e when e.PatientId == PatientId => Held.TryGetValue(e.AppointmentId, out var moved)
            ? this with { Held = Held.SetItem(e.AppointmentId, moved with { ClinicianId = e.ToClinicianId, Date = e.ToDate, Slots = e.ToSlots, Parts = e.ToParts, RoomId = e.ToRoomId }) }
            : this with { Held = Held.SetItem(e.AppointmentId, new HeldAppointment(e.AppointmentId, e.ToClinicianId, e.ToDate, e.ToSlots, Seen + 1, false, e.ToParts, e.ToRoomId)), Seen = Seen + 1 },
        DayCancelled e => this with { Held = Held.RemoveRange(e.CancelledAppointments.Select(b => b.AppointmentId)) },
        VisitMarked e when Held.TryGetValue(e.AppointmentId, out var held) => this with { Held = Held.SetItem(e.AppointmentId, held with { Marked = true }) },
        _ => this,
    };
}
