using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Rooms;

/// <summary>The practice's rooms as last defined; a practice that never made one has none.</summary>
public sealed record RoomList(ImmutableDictionary<Guid, Room> Rooms)
{
    public static RoomList Empty { get; } = new(ImmutableDictionary<Guid, Room>.Empty);

    public static Query Query { get; } = new([new QueryItem([EventTypes.NameOf<RoomDefined>()], [Tag.Rooms])]);

    public RoomList Evolve(IClinicEvent @event) => @event is RoomDefined e ? new(Rooms.SetItem(e.RoomId, Room.From(e))) : this;
}
