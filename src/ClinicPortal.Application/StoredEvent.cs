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
