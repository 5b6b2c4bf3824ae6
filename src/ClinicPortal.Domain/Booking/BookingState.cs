using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

/// <summary>One booking as the decisions about it see it.</summary>
public sealed record BookingState(
    Guid BookingId,
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

    public static Query QueryFor(Guid bookingId) => Query.Tagged(Tag.Booking(bookingId));

    public static BookingState None(Guid bookingId) => new(bookingId, false, Guid.Empty, Guid.Empty, default, [], false, null);

    public BookingState Evolve(IClinicEvent @event) => @event switch
    {
        SlotsBooked e when e.BookingId == BookingId =>
            this with { Exists = true, PatientId = e.PatientId, ClinicianId = e.ClinicianId, Date = e.Date, Slots = e.Slots, VisitTypeId = e.VisitType, Parts = e.Parts, RoomId = e.RoomId },
        BookingMoved e when e.BookingId == BookingId => this with { ClinicianId = e.ToClinicianId, Date = e.ToDate, Slots = e.ToSlots, Parts = e.ToParts, RoomId = e.ToRoomId },
        BookingCancelled e when e.BookingId == BookingId => this with { Cancelled = true },
        DayCancelled e when e.CancelledBookings.Any(b => b.BookingId == BookingId) => this with { Cancelled = true },
        VisitMarked e when e.BookingId == BookingId => this with { Visit = e.Outcome },
        ReminderSent e when e.BookingId == BookingId => this with { RemindedFor = e.StartUtc },
        _ => this,
    };

    /// <summary>A patient sees only their own bookings; a clinician only those they take part in; staff see all.</summary>
    public bool IsVisibleTo(Actor actor) =>
        actor.Role == Role.Patient ? actor.Id == PatientId : !actor.IsClinician || AppointmentTime.Clinicians(ClinicianId, Parts).Contains(actor.Id);
}
