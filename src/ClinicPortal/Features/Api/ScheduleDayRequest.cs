namespace ClinicPortal.Features.Api;

public sealed record ScheduleDayRequest(string? Date, IReadOnlyList<BlockDto>? Blocks);
