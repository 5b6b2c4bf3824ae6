namespace ClinicPortal.Features.Api;

public sealed record DoctorSlotsDto(Guid DoctorId, string DoctorName, IReadOnlyList<SlotDto> Slots);
