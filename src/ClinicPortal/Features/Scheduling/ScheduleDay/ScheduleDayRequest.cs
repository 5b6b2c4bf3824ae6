namespace ClinicPortal.Features.Scheduling.ScheduleDay;

public sealed record ScheduleDayRequest(string? Date, IReadOnlyList<BlockDto>? Blocks);
