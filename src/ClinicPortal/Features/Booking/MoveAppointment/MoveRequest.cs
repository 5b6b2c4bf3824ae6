namespace ClinicPortal.Features.Booking.MoveAppointment;

public sealed record MoveRequest(DateTimeOffset? Start, string? OverrideReason = null);
