namespace ClinicPortal.Features.Booking.MoveBooking;

public sealed record MoveRequest(DateTimeOffset? Start, string? OverrideReason = null);
