using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class MarkVisitDecider : IDecider<MarkVisit, AppointmentState, VisitMarked>
{
    public static Query QueryFor(MarkVisit command) => AppointmentState.QueryFor(command.AppointmentId);
    public static AppointmentState Initial(MarkVisit command) => AppointmentState.None(command.AppointmentId);
    public static AppointmentState Evolve(AppointmentState state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<VisitMarked>> Decide(MarkVisit command, AppointmentState booking)
    {
        if (command.By.Role == Role.Patient)
            return Rejection.NotAllowed;
        if (!booking.Exists)
            return Rejection.AppointmentNotFound;
        if (!booking.IsVisibleTo(command.By))
            return Rejection.NotYourAppointment;
        if (booking.Cancelled)
            return Rejection.AppointmentAlreadyCancelled;
        if (command.Now < booking.Slots[0].StartUtc)
            return Rejection.VisitNotStarted;
        if (booking.Visit == command.Outcome)
            return Array.Empty<VisitMarked>();

        return new VisitMarked[]
        {
            new VisitMarked(booking.AppointmentId, booking.PatientId, booking.ClinicianId, booking.Date, command.Outcome, command.By.Name),
        };
    }
}
