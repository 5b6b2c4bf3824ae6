namespace ClinicPortal.Features.Api;

public sealed record CancelDayRequest(string? Reason);
