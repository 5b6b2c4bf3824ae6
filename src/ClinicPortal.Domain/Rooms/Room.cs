using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Rooms;

/// <summary>
/// A room of the practice: its name, its features ("treatment", "step-free") that visit types may need, and whether
/// it is in use (a room out of use takes no new blocks of time; the owner keeps it for the record).
/// </summary>
public sealed record Room(Guid Id, string Name, IReadOnlyList<string> Features, bool InUse)
{
    public const int MaxNameLength = 40;
    public const int MaxFeatureLength = 30;
    public const int MaxFeatures = 10;

    public bool Has(string feature) => InUse && Features.Contains(feature, StringComparer.OrdinalIgnoreCase);

    public static Room From(RoomDefined e) => new(e.RoomId, e.Name, e.Features, e.InUse);

    /// <summary>A feature as it is kept: trimmed, lower case, inner spaces single.</summary>
    public static string Feature(string text) => string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}

/// <summary>The owner added a room or changed one (the event carries the whole definition either way).</summary>
public sealed record RoomDefined(Guid RoomId, string Name, IReadOnlyList<string> Features, bool InUse, string By) : IClinicEvent;

/// <summary>Add a room (<paramref name="IsNew"/>) or change one. Only the owner does.</summary>
public sealed record DefineRoom(Guid RoomId, bool IsNew, string Name, IReadOnlyList<string> Features, bool InUse, Actor By, DateTimeOffset Now) : ICommand<DefineRoom, DefineRoomDecider, RoomList, RoomDefined>;

/// <summary>The practice's rooms as last defined; a practice that never made one has none.</summary>
public sealed record RoomList(ImmutableDictionary<Guid, Room> Rooms)
{
    public static RoomList Empty { get; } = new(ImmutableDictionary<Guid, Room>.Empty);

    public static Query Query { get; } = new([new QueryItem([EventTypes.NameOf<RoomDefined>()], [Tag.Rooms])]);

    public RoomList Evolve(IClinicEvent @event) => @event is RoomDefined e ? new(Rooms.SetItem(e.RoomId, Room.From(e))) : this;
}

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
