using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

/// <summary>One booking as the decisions about it see it.</summary>
public sealed record AppointmentState(
    Guid AppointmentId,
    bool Exists,
    Guid PatientId,
    Guid ClinicianId,
    DateOnly Date,
    IReadOnlyList<ScheduledSlot> Slots,
    bool Cancelled,
    VisitOutcome? Visit,
    Guid VisitTypeId = default,
    IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null,
    DateTimeOffset? RemindedFor = null)
{
    public DateTimeOffset StartUtc => Slots.Min(s => s.StartUtc);

    public static Query QueryFor(Guid bookingId) => Query.Tagged(Tag.Appointment(bookingId));

    public static AppointmentState None(Guid bookingId) => new(bookingId, false, Guid.Empty, Guid.Empty, default, [], false, null);

    public AppointmentState Evolve(IClinicEvent @event) => @event switch
    {
        SlotsBooked e when e.AppointmentId == AppointmentId =>
            this with { Exists = true, PatientId = e.PatientId, ClinicianId = e.ClinicianId, Date = e.Date, Slots = e.Slots, VisitTypeId = e.VisitType, Parts = e.Parts, RoomId = e.RoomId },
        AppointmentMoved e when e.AppointmentId == AppointmentId => this with { ClinicianId = e.ToClinicianId, Date = e.ToDate, Slots = e.ToSlots, Parts = e.ToParts, RoomId = e.ToRoomId },
        AppointmentCancelled e when e.AppointmentId == AppointmentId => this with { Cancelled = true },
        DayCancelled e when e.CancelledAppointments.Any(b => b.AppointmentId == AppointmentId) => this with { Cancelled = true },
        VisitMarked e when e.AppointmentId == AppointmentId => this with { Visit = e.Outcome },
        ReminderSent e when e.AppointmentId == AppointmentId => this with { RemindedFor = e.StartUtc },
        _ => this,
    };

    /// <summary>A patient sees only their own bookings and their dependants'; a clinician only those they take part in; staff see all.</summary>
    public bool IsVisibleTo(Actor actor) =>
        actor.Role == Role.Patient ? actor.SpeaksFor(PatientId) : !actor.IsClinician || AppointmentTime.Clinicians(ClinicianId, Parts).Contains(actor.Id);
}
