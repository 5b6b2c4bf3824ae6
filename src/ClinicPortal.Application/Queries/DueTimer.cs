namespace ClinicPortal.Application.Queries;

/// <summary>An action the practice's clock owes: its kind, what it is about, its time (see <see cref="TimerKinds"/>), and when the event that set it was.</summary>
public sealed record DueTimer(string Kind, Guid SubjectId, DateTimeOffset DueAt, DateTimeOffset Since);
