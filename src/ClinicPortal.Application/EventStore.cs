using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application;

/// <summary>An event as it stands in the log.</summary>
/// <param name="Position">Its place in the one ordered log; ascending, never reused.</param>
/// <param name="Event">The event itself.</param>
/// <param name="Tags">The tags it was appended with.</param>
/// <param name="RecordedAt">When it was appended, from the appender's clock.</param>
/// <param name="CausedBy">The user id (or system actor) whose action caused it.</param>
public sealed record StoredEvent(long Position, IClinicEvent Event, IReadOnlyList<Tag> Tags, DateTimeOffset RecordedAt, string CausedBy);

/// <summary>The events that matched a query, and the last position of the whole log at the time of reading.</summary>
public sealed record EventStream(IReadOnlyList<StoredEvent> Events, long LastPosition);

/// <summary>Who caused the events of one append, and when.</summary>
public sealed record EventMetadata(string CausedBy, DateTimeOffset RecordedAt);

/// <summary>
/// Makes an append fail when any event matching <see cref="FailIfEventsMatch"/> was appended after
/// position <see cref="After"/>: the events the decision was based on have changed since it was made.
/// </summary>
public sealed record AppendCondition(Query FailIfEventsMatch, long After);

/// <summary>Thrown when an <see cref="AppendCondition"/> fails; nothing was appended.</summary>
public sealed class AppendConditionFailedException(AppendCondition condition)
    : Exception($"An event matching the decision's query was appended after position {condition.After}.")
{
    public AppendCondition Condition { get; } = condition;
}

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
