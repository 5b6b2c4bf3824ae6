using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class CancelBookingDecider : IDecider<CancelBooking, BookingState, BookingCancelled>
{
    public static Query QueryFor(CancelBooking command) => BookingState.QueryFor(command.BookingId);
    public static BookingState Initial(CancelBooking command) => BookingState.None(command.BookingId);
    public static BookingState Evolve(BookingState state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<BookingCancelled>> Decide(CancelBooking command, BookingState booking)
    {
        if (!booking.Exists)
            return Rejection.BookingNotFound;
        if (!booking.IsVisibleTo(command.By))
            return Rejection.NotYourBooking;
        if (booking.Cancelled)
            return Rejection.BookingAlreadyCancelled;
        if (booking.Slots[0].StartUtc <= command.Now)
            return Rejection.BookingInPast;
        if (command.Window?.ForChange(command.By, booking.Slots[0].StartUtc, command.Now) is { } tooLate)
            return tooLate;

        return new BookingCancelled[]
        {
            new BookingCancelled(booking.BookingId, booking.PatientId, booking.ClinicianId, booking.Date, booking.Slots, command.Reason, command.By.Name, booking.Parts,
                booking.RoomId),
        };
    }
}
