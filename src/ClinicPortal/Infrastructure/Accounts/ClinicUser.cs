using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>Anyone who signs in: a patient, a doctor, a receptionist or the practice owner. Their id is their patient or doctor id.</summary>
public sealed class ClinicUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>False once the practice owner deactivates a staff member: they can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Doctor = "Doctor";
    public const string Receptionist = "Receptionist";
    public const string Patient = "Patient";

    public const string Staff = Admin + "," + Receptionist;
    public const string StaffAndDoctors = Admin + "," + Receptionist + "," + Doctor;

    public static readonly string[] All = [Admin, Doctor, Receptionist, Patient];
}
