namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// Cancel a clinician's whole day: every slot and every booking of it, for a stated reason (a visit with other clinicians loses
/// only this clinician's part, and goes on the conflicts desk).
/// </summary>
public sealed record CancelDay(Guid ClinicianId, DateOnly Date, string Reason, Actor By, DateTimeOffset Now) : ICommand<CancelDay, CancelDayDecider, ClinicianDay, DayCancelled>;
