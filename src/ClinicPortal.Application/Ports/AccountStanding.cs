namespace ClinicPortal.Application.Ports;

/// <summary>Whether an account exists, is active (not deactivated by staff), and is a patient's.</summary>
public sealed record AccountStanding(bool Exists, bool IsActive, bool IsPatient);
