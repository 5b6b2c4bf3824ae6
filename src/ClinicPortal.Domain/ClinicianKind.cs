namespace ClinicPortal.Domain;

/// <summary>The kinds of staff who see patients. Each schedules days by the same rules.</summary>
public enum ClinicianKind
{
    Doctor,
    Nurse,
    Counsellor,
}
