using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application;

/// <summary>
/// The application's port to the log: one ordered log of tagged events with conditional appends (dynamic
/// consistency boundaries). Events are never updated or deleted. Infrastructure implements it (SQLite).
/// </summary>
public interface IEventStore
{
    /// <summary>Reads the events matching <paramref name="query"/> in log order, and the log's last position.</summary>
    Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default);

    /// <summary>
    /// Appends <paramref name="events"/> atomically, each with the tags <see cref="EventTags.Of"/> gives it,
    /// unless <paramref name="condition"/> fails (then <see cref="AppendConditionFailedException"/> and nothing is appended).
    /// </summary>
    /// <returns>The position of the last appended event.</returns>
    Task<long> AppendAsync(
        IReadOnlyList<IClinicEvent> events,
        EventMetadata metadata,
        AppendCondition? condition,
        CancellationToken cancellationToken = default);

    /// <summary>The position of the last event in the log (0 when it is empty).</summary>
    Task<long> LastPositionAsync(CancellationToken cancellationToken = default);

    /// <summary>Reads up to <paramref name="maxCount"/> events after <paramref name="position"/>, in log order (for background services).</summary>
    Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default);
}
