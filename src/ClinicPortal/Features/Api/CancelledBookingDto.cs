namespace ClinicPortal.Features.Api;

public sealed record CancelledBookingDto(Guid BookingId, Guid PatientId, IReadOnlyList<SlotDto> Slots);
