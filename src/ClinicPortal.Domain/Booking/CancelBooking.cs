using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

/// <summary>Cancel one booking; its slots become available again.</summary>
public sealed record CancelBooking(Guid BookingId, CancellationReason Reason, Actor By, DateTimeOffset Now);

public sealed class CancelBookingDecider : IDecider<CancelBooking, BookingState>
{
    public static Query QueryFor(CancelBooking command) => BookingState.QueryFor(command.BookingId);
    public static BookingState Initial(CancelBooking command) => BookingState.None(command.BookingId);
    public static BookingState Evolve(BookingState state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<IClinicEvent>> Decide(CancelBooking command, BookingState booking)
    {
        if (!booking.Exists)
            return Rejection.BookingNotFound;
        if (!booking.IsVisibleTo(command.By))
            return Rejection.NotYourBooking;
        if (booking.Cancelled)
            return Rejection.BookingAlreadyCancelled;
        // The quota policy may act on a booking whose time has come; people cancel only what is still ahead.
        if (command.Reason != CancellationReason.QuotaExceeded && booking.Slots[0].StartUtc <= command.Now)
            return Rejection.BookingInPast;

        return new IClinicEvent[]
        {
            new BookingCancelled(booking.BookingId, booking.PatientId, booking.DoctorId, booking.Date, booking.Slots, command.Reason, command.By.Name),
        };
    }
}
