namespace ClinicPortal.Features.Api;

public sealed record ClinicianDayDto(Guid ClinicianId, string Name, bool Cancelled, string? CancelReason, IReadOnlyList<DaySlotDto> Slots);
