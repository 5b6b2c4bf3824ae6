namespace ClinicPortal.Application;

/// <summary>A reaction that cannot get past an event: which, from when, how often it tried, and what went wrong last.</summary>
public sealed record StuckWork(string Reaction, long Checkpoint, DateTimeOffset Since, int Attempts, string LastError, DateTimeOffset NextAttempt);
