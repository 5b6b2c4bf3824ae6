namespace ClinicPortal.Infrastructure.Accounts;

public static class Roles
{
    public const string Admin = "Admin";
    public const string Doctor = "Doctor";
    public const string Nurse = "Nurse";
    public const string Counsellor = "Counsellor";
    public const string Receptionist = "Receptionist";
    public const string Patient = "Patient";

    public const string Staff = Admin + "," + Receptionist;

    /// <summary>Everyone who sees patients in their own scheduled time.</summary>
    public const string Clinicians = Doctor + "," + Nurse + "," + Counsellor;

    public static readonly string[] All = [Admin, Doctor, Nurse, Counsellor, Receptionist, Patient];

    public static readonly string[] ClinicianRoles = [Doctor, Nurse, Counsellor];

    public static string Of(ClinicPortal.Domain.ClinicianKind kind) => kind.ToString();

    public static ClinicPortal.Domain.ClinicianKind? KindOf(string role) =>
        Enum.TryParse<ClinicPortal.Domain.ClinicianKind>(role, out var kind) && ClinicianRoles.Contains(role) ? kind : null;
}
