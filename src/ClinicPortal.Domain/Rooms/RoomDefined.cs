namespace ClinicPortal.Domain.Rooms;

/// <summary>The owner added a room or changed one (the event carries the whole definition either way).</summary>
public sealed record RoomDefined(Guid RoomId, string Name, IReadOnlyList<string> Features, bool InUse, string By) : IClinicEvent;
