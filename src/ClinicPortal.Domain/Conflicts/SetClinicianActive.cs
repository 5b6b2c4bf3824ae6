namespace ClinicPortal.Domain.Conflicts;

/// <summary>The owner turns a clinician's account off or on again; the log records the change so that what depends on it follows.</summary>
public sealed record SetClinicianActive(Guid ClinicianId, bool Active, Actor By, DateTimeOffset Now) : ICommand<SetClinicianActive, SetClinicianActiveDecider, bool, IClinicEvent>;
