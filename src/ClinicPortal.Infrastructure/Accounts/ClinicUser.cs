using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>Anyone who signs in: a patient, a clinician, a receptionist or the practice owner. Their id is their patient or clinician id.</summary>
public sealed class ClinicUser : IdentityUser<Guid>
{
    public string DisplayName { get; set; } = "";

    /// <summary>False once the practice owner deactivates a staff member: they can no longer sign in.</summary>
    public bool IsActive { get; set; } = true;
}
