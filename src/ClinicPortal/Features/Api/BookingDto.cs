namespace ClinicPortal.Features.Api;

public sealed record BookingDto(Guid BookingId, Guid PatientId, Guid DoctorId, IReadOnlyList<SlotDto> Slots);
