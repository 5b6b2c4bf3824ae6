namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Cancel one booking; its slots become available again. <paramref name="Window"/>: patients cancel online only until
/// the practice's cut-off before the start.
/// </summary>
public sealed record CancelBooking(Guid BookingId, CancellationReason Reason, Actor By, DateTimeOffset Now, Policies.BookingWindow? Window = null) : ICommand<CancelBooking, CancelBookingDecider, BookingState, BookingCancelled>;
