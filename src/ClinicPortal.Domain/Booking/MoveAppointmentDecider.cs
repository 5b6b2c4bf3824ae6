using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

public sealed class MoveAppointmentDecider : IDecider<MoveAppointment, MoveRequest, AppointmentMoved>
{
    public static Query QueryFor(MoveAppointment command) =>
        AppointmentState.QueryFor(command.AppointmentId).Or(BookSlotsDecider.QueryFor(AsAppointment(command)));

    public static MoveRequest Initial(MoveAppointment command) =>
        new(AppointmentState.None(command.AppointmentId), BookSlotsDecider.Initial(AsAppointment(command)));

    public static MoveRequest Evolve(MoveRequest state, IClinicEvent @event) =>
        new(state.Appointment.Evolve(@event), BookSlotsDecider.Evolve(state.Target, @event));

    public static Checked<IReadOnlyList<AppointmentMoved>> Decide(MoveAppointment command, MoveRequest state)
    {
        var booking = state.Appointment;
        if (!booking.Exists)
            return Rejection.AppointmentNotFound;
        if (!booking.IsVisibleTo(command.By))
            return Rejection.NotYourAppointment;
        // As for a new booking: a deactivated clinician takes no new time (the accounts know it; the command says it).
        if (command.ToClinicianNotTakingBookings)
            return Rejection.ClinicianNotTakingBookings;
        if (command.By.IsClinician)
            return Rejection.NotAllowed;
        if (booking.PatientId != command.PatientId || booking.VisitTypeId != command.VisitTypeId)
            return Rejection.Conflict; // the caller read another booking than the log holds: read again
        if (booking.Cancelled)
            return Rejection.AppointmentAlreadyCancelled;
        if (booking.Slots[0].StartUtc <= command.Now)
            return Rejection.AppointmentInPast;
        if (command.Window?.ForChange(command.By, booking.Slots[0].StartUtc, command.Now) is { } tooLate)
            return tooLate;
        if (state.Target.VisitType is not { } visitType)
            return Rejection.VisitTypeNotFound;
        if (command.By.Role == Role.Patient && !visitType.BookableOnline)
            return Rejection.VisitTypeNotBookableOnline;
        if (command.SlotIds.Count == 0)
            return Rejection.NoSlotsChosen;
        if (command.Shape is { } asked)
        {
            if (!command.By.IsStaff)
                return Rejection.NotAllowed;
            if (!VisitPart.Fit(asked, minParts: 1) || asked.Max(p => p.EndMinutes) > VisitType.MaxMinutes)
                return Rejection.PartsInvalid;
        }
        // The booking keeps its own length, even if the visit type has been changed since it was made (unless staff change its parts).
        else if (command.SlotIds.Count != booking.Slots.Count)
            return Rejection.SlotsNotFreeForVisitType;
        if (command.SlotIds.Distinct().Count() != command.SlotIds.Count)
            return Rejection.SlotsNotAdjacent;

        var overriding = Override.Check(command.OverrideReason, command.By);
        if (!overriding.IsAccepted)
            return overriding.Rejection!.Value;

        // A visit of several clinicians moves with the parts it has now (staff may have changed them since it was booked).
        var shape = command.Shape ?? (booking.Parts is { Count: > 0 } own ? VisitPart.ShapeOf(own, booking.Slots) : null);
        // A change of its parts keeps the visit in its room (one staff chose, perhaps), wherever the new parts' blocks are:
        // the caller names that room, whose appointments are then read; moving it to another time takes that time's room.
        var keptRoom = command.Shape is not null ? booking.RoomId : null;
        if (keptRoom is not null && command.RoomId != keptRoom)
            return Rejection.Conflict;
        var run = BookSlotsDecider.FreeRun(command.SlotIds, state.Target, shape is not null ? visitType with { Parts = shape } : visitType,
            command.By, command.Now, command.Date, command.KindOf, command.RoomOf, booking.AppointmentId, overriding.Value is not null, command.RoomId,
            keptRoom: keptRoom);
        if (!run.IsAccepted)
            return run.Rejection!.Value;
        var visit = run.Value!;
        if (visit.Slots.Select(s => s.SlotId).Order().SequenceEqual(booking.Slots.Select(s => s.SlotId).Order()))
            return Rejection.AppointmentAlreadyAtThatTime;
        if (command.Window?.ForAppointment(command.By, visit.StartUtc, command.Now) is { } outside)
            return outside;

        return new[]
        {
            new AppointmentMoved(booking.AppointmentId, booking.PatientId, visitType.Id, booking.ClinicianId, booking.Date, booking.Slots,
                visit.ClinicianId, visit.Date, visit.Scheduled, command.By.Name,
                visit.Clashes ? overriding.Value : null, booking.Parts, visit.Parts, booking.RoomId, visit.RoomId, visit.Overrode),
        };
    }

    private static BookSlots AsAppointment(MoveAppointment command) =>
        new(command.AppointmentId, command.PatientId, command.SlotIds, command.By, command.Now, command.Date, command.VisitTypeId, null, command.KindOf, command.RoomOf,
            command.OverrideReason, command.RoomId);
}
