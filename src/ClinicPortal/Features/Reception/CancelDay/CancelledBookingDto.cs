using ClinicPortal.Features.Api;
namespace ClinicPortal.Features.Reception.CancelDay;

public sealed record CancelledBookingDto(Guid BookingId, Guid PatientId, IReadOnlyList<SlotDto> Slots);
