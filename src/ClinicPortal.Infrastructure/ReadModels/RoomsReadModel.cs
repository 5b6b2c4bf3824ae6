using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The practice's rooms by name, and the features they offer. Every availability read of a visit that needs a room
/// feature asks for them, so they are kept until the next change to a room.
/// </summary>
public sealed class RoomsReadModel : IRoomQueries
{
    private readonly ClinicDatabase database;
    private readonly KeptUntilChanged<Kept> kept;

    /// <summary>The rooms by name, and by id, built once per change (availability asks for them on every read).</summary>
    private sealed record Kept(IReadOnlyList<Room> All, IReadOnlyDictionary<Guid, Room> ById);

    public RoomsReadModel(ClinicDatabase database, EventLogSignal signal)
    {
        this.database = database;
        kept = new(signal, Tag.Rooms, ReadAllAsync);
    }

    /// <summary>Every room, in use or not, by name (none in a practice that never made one).</summary>
    public async Task<IReadOnlyList<Room>> AllAsync(CancellationToken ct = default) => (await kept.GetAsync(ct)).All;

    /// <summary>Every room by id (the calendars name a slot's room by it).</summary>
    public async Task<IReadOnlyDictionary<Guid, Room>> ByIdAsync(CancellationToken ct = default) => (await kept.GetAsync(ct)).ById;

    /// <summary>Each room by id, for deciding whether a visit fits in a slot's room.</summary>
    public async Task<Func<Guid, Room?>> LookupAsync(CancellationToken ct = default)
    {
        var rooms = await ByIdAsync(ct);
        return id => rooms.GetValueOrDefault(id);
    }

    /// <summary>Every feature some room has, in use or not, in order: what a visit type may ask for.</summary>
    public async Task<IReadOnlyList<string>> FeaturesAsync(CancellationToken ct = default) =>
        (await AllAsync(ct)).SelectMany(r => r.Features).Distinct().Order(StringComparer.CurrentCulture).ToArray();

    private async Task<Kept> ReadAllAsync()
    {
        var rooms = (await database.RowsAsync<RoomRow>("SELECT room_id, name, features, in_use FROM rm_rooms;", CancellationToken.None))
            .Select(row => row.View).ToArray();
        return new Kept(rooms.OrderBy(room => room.Name, StringComparer.CurrentCulture).ToArray(), rooms.ToDictionary(room => room.Id));
    }

    private sealed class RoomRow
    {
        public Guid RoomId { get; init; }
        public string Name { get; init; } = "";
        public string Features { get; init; } = "";
        public bool InUse { get; init; }

        public Room View => new(RoomId, Name, Features.Split('\n', StringSplitOptions.RemoveEmptyEntries), InUse);
    }
}
