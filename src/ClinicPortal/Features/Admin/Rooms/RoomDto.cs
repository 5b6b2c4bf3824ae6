namespace ClinicPortal.Features.Admin.Rooms;

public sealed record RoomDto(Guid RoomId, string Name, IReadOnlyList<string> Features, bool InUse)
{
    public static RoomDto From(ClinicPortal.Domain.Rooms.Room room) => new(room.Id, room.Name, room.Features, room.InUse);
}
