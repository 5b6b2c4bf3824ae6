namespace ClinicPortal.Features.Api;

public sealed record DayDto(Guid DoctorId, DateOnly Date, IReadOnlyList<SlotDto> Slots);
