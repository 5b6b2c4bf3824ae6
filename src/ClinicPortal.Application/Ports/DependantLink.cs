namespace ClinicPortal.Application.Ports;

/// <summary>A dependant's account holder (<paramref name="GuardianId"/>) and date of birth.</summary>
public sealed record DependantLink(Guid GuardianId, DateOnly DateOfBirth);
