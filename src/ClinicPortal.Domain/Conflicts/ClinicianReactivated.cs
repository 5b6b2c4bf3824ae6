namespace ClinicPortal.Domain.Conflicts;

/// <summary>The owner reactivated a clinician: their appointments stand again.</summary>
public sealed record ClinicianReactivated(Guid ClinicianId, string By) : IClinicEvent;
