namespace ClinicPortal.Domain.Rooms;

/// <summary>Add a room (<paramref name="IsNew"/>) or change one. Only the owner does.</summary>
public sealed record DefineRoom(Guid RoomId, bool IsNew, string Name, IReadOnlyList<string> Features, bool InUse, Actor By, DateTimeOffset Now) : ICommand<DefineRoom, DefineRoomDecider, RoomList, RoomDefined>;
