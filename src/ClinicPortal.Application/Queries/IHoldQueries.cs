namespace ClinicPortal.Application.Queries;

/// <summary>Holds as the pages, the API and the practice's clock ask for them.</summary>
public interface IHoldQueries
{
    Task<HoldView?> FindAsync(Guid holdId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, Guid>> HoldsOfAppointmentsAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken ct = default);
    Task<IReadOnlyList<DueTimer>> DueAsync(DateTimeOffset now, TimeSpan? reminderLead, int limit, CancellationToken ct = default);
    Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, TimeSpan? reminderLead, CancellationToken ct = default);
}
