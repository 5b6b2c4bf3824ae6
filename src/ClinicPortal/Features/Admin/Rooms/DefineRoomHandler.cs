using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Features.Admin.Rooms;

public sealed class DefineRoomHandler(CommandExecutor executor, IPracticeClock clock)
{
    /// <summary>Adds a room (<paramref name="roomId"/> null) or changes one.</summary>
    public async Task<Checked<RoomDefined>> HandleAsync(Guid? roomId, RoomForm form, Actor by, CancellationToken ct = default)
    {
        var command = new DefineRoom(roomId ?? Guid.CreateVersion7(), roomId is null, form.Name, form.Features, form.InUse, by, clock.Now);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
