using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Application.Queries;

/// <summary>The visit types the practice offers, kept in memory until the log changes them.</summary>
public interface IVisitTypeQueries
{
    Task<IReadOnlyList<VisitType>> AllAsync(CancellationToken ct = default);
    Task<VisitType?> FindAsync(Guid id, CancellationToken ct = default);
}
