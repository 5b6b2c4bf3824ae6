using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Application.Queries;

/// <summary>The practice's rooms, kept in memory until the log changes them.</summary>
public interface IRoomQueries
{
    Task<IReadOnlyList<Room>> AllAsync(CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, Room>> ByIdAsync(CancellationToken ct = default);
    Task<Func<Guid, Room?>> LookupAsync(CancellationToken ct = default);
    Task<IReadOnlyList<string>> FeaturesAsync(CancellationToken ct = default);
}

/// <summary>The visit types the practice offers, kept in memory until the log changes them.</summary>
public interface IVisitTypeQueries
{
    Task<IReadOnlyList<VisitType>> AllAsync(CancellationToken ct = default);
    Task<VisitType?> FindAsync(Guid id, CancellationToken ct = default);
}
