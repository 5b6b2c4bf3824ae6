using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class MarkVisitDecider : IDecider<MarkVisit, BookingState, VisitMarked>
{
    public static Query QueryFor(MarkVisit command) => BookingState.QueryFor(command.BookingId);
    public static BookingState Initial(MarkVisit command) => BookingState.None(command.BookingId);
    public static BookingState Evolve(BookingState state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<VisitMarked>> Decide(MarkVisit command, BookingState booking)
    {
        if (command.By.Role == Role.Patient)
            return Rejection.NotAllowed;
        if (!booking.Exists)
            return Rejection.BookingNotFound;
        if (!booking.IsVisibleTo(command.By))
            return Rejection.NotYourBooking;
        if (booking.Cancelled)
            return Rejection.BookingAlreadyCancelled;
        if (command.Now < booking.Slots[0].StartUtc)
            return Rejection.VisitNotStarted;
        if (booking.Visit == command.Outcome)
            return Array.Empty<VisitMarked>();

        return new VisitMarked[]
        {
            new VisitMarked(booking.BookingId, booking.PatientId, booking.ClinicianId, booking.Date, command.Outcome, command.By.Name),
        };
    }
}
