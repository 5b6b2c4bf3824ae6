using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Rooms;

public sealed class DefineRoomDecider : IDecider<DefineRoom, RoomList, RoomDefined>
{
    public static Query QueryFor(DefineRoom command) => RoomList.Query;
    public static RoomList Initial(DefineRoom command) => RoomList.Empty;
    public static RoomList Evolve(RoomList state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<RoomDefined>> Decide(DefineRoom command, RoomList list)
    {
        if (command.By.Role != Role.Admin)
            return Rejection.NotAllowed;
        var exists = list.Rooms.ContainsKey(command.RoomId);
        if (command.IsNew && exists)
            return Rejection.Conflict;
        if (!command.IsNew && !exists)
            return Rejection.RoomNotFound;

        var name = command.Name.Trim();
        if (name.Length == 0 || name.Length > Room.MaxNameLength)
            return Rejection.RoomNameRequired;
        if (list.Rooms.Values.Any(r => r.Id != command.RoomId && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase)))
            return Rejection.RoomNameTaken;
        var features = command.Features.Select(Room.Feature).Where(f => f.Length > 0).Distinct().ToArray();
        if (features.Length > Room.MaxFeatures || features.Any(f => f.Length > Room.MaxFeatureLength))
            return Rejection.RoomFeaturesInvalid;

        return new[] { new RoomDefined(command.RoomId, name, features, command.InUse, command.By.Name) };
    }
}
