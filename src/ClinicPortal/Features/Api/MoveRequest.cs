namespace ClinicPortal.Features.Api;

public sealed record MoveRequest(DateTimeOffset? Start, string? OverrideReason = null);
