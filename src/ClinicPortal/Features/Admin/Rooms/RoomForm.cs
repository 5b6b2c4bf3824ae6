namespace ClinicPortal.Features.Admin.Rooms;

/// <summary>What the owner fills in for a room (the page's form and the API's body).</summary>
public sealed record RoomForm(string Name, IReadOnlyList<string> Features, bool InUse = true);
