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
        if (user.IsInRole(Roles.Doctor)) return Actor.Doctor(id);
        if (user.IsInRole(Roles.Patient)) return Actor.Patient(id);
        return null;
    }
}
