namespace ClinicPortal.Features.Admin.Rooms;

public sealed record RoomRequest(string? Name, IReadOnlyList<string>? Features, bool? InUse);
