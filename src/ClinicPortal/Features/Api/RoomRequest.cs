namespace ClinicPortal.Features.Api;

public sealed record RoomRequest(string? Name, IReadOnlyList<string>? Features, bool? InUse);
