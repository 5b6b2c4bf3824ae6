using System.Security.Claims;
using ClinicPortal.Domain;

namespace ClinicPortal.Infrastructure.Accounts;

public static class CurrentActor
{
    /// <summary>The signed-in user as the domain sees them: their id and their most senior role.</summary>
    public static Actor? From(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true || !Guid.TryParse(user.FindFirstValue(ClaimTypes.NameIdentifier), out var id))
            return null;
        if (user.IsInRole(Roles.Admin)) return Actor.Admin(id);
        if (user.IsInRole(Roles.Receptionist)) return Actor.Receptionist(id);
        foreach (var role in Roles.ClinicianRoles)
            if (user.IsInRole(role)) return Actor.Clinician(id, Roles.KindOf(role)!.Value);
        if (user.IsInRole(Roles.Patient)) return Actor.Patient(id);
        return null;
    }
}
