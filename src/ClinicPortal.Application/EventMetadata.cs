namespace ClinicPortal.Application;

/// <summary>Who caused the events of one append, and when.</summary>
public sealed record EventMetadata(string CausedBy, DateTimeOffset RecordedAt);
