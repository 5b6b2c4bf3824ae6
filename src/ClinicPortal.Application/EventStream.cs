namespace ClinicPortal.Application;

/// <summary>The events that matched a query, and the last position of the whole log at the time of reading.</summary>
public sealed record EventStream(IReadOnlyList<StoredEvent> Events, long LastPosition);
