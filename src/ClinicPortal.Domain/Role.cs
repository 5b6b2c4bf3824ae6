namespace ClinicPortal.Domain;

public enum Role
{
    Patient,
    Doctor,
    Receptionist,
    Admin,
    System,
    Nurse,
    Counsellor,
}
