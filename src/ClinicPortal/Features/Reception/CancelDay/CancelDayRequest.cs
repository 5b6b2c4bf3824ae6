namespace ClinicPortal.Features.Reception.CancelDay;

public sealed record CancelDayRequest(string? Reason);
