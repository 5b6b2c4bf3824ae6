namespace ClinicPortal.Features.Reception.Day;

public sealed record ClinicianDayDto(Guid ClinicianId, string Name, bool Cancelled, string? CancelReason, IReadOnlyList<DaySlotDto> Slots);
