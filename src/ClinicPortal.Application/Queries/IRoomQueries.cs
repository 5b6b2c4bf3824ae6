using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Application.Queries;

/// <summary>The practice's rooms, kept in memory until the log changes them.</summary>
public interface IRoomQueries
{
    Task<IReadOnlyList<Room>> AllAsync(CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, Room>> ByIdAsync(CancellationToken ct = default);
    Task<Func<Guid, Room?>> LookupAsync(CancellationToken ct = default);
    Task<IReadOnlyList<string>> FeaturesAsync(CancellationToken ct = default);
}
