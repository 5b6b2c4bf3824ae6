namespace ClinicPortal.Features.Api;

public sealed record CancelledDayDto(Guid DoctorId, DateOnly Date, string Reason, IReadOnlyList<CancelledBookingDto> CancelledBookings);
