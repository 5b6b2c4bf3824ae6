using ClinicPortal.Application.Ports;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// The practice owner's work on staff accounts (invite a clinician or a receptionist, deactivate or reactivate them), and
/// staff's on patients' (deactivate or reactivate one).
/// Each operation has its own scope (and so its own DbContext): a page's circuit lives for hours, and a
/// context kept that long would hold accounts that other requests have since changed.
/// </summary>
public sealed class StaffAdministration(IServiceScopeFactory scopes, CurrentAccounts accounts, PeopleDirectory people) : IStaffAccounts
{
    public static readonly string[] InvitableRoles = [Roles.Doctor, Roles.Nurse, Roles.Counsellor, Roles.Receptionist];

    /// <summary>Creates the account without a password and emails a link to choose one. Returns errors for a person to read.</summary>
    public async Task<IReadOnlyList<string>> InviteAsync(string name, string email, string role, CancellationToken ct = default)
    {
        if (!InvitableRoles.Contains(role))
            return ["Choose whether they are a doctor, a nurse, a counsellor or a receptionist."];
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        if (await users.FindByEmailAsync(email.Trim()) is not null)
            return ["Someone already has an account with this email."];

        var user = new ClinicUser
        {
            Id = Guid.CreateVersion7(), UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = name.Trim(),
        };
        var created = await users.CreateAsync(user);
        if (!created.Succeeded)
            return created.Errors.Select(e => e.Description).ToList();
        Ensure(await users.AddToRoleAsync(user, role));
        people.ForgetStaff(); // the new colleague is on the staff page, and a new clinician on the booking pages, at once
        await scope.ServiceProvider.GetRequiredService<AccountEmails>().SendInvitationAsync(user, role, ct);
        return [];
    }

    /// <summary>A deactivated user cannot sign in; the new security stamp ends their open sessions within a minute.</summary>
    public Task SetActiveAsync(Guid userId, bool active) => SetActiveAsync(userId, active, onlyPatients: false);

    /// <summary>What reception may do: deactivate or reactivate a patient, and no one else.</summary>
    public Task SetPatientActiveAsync(Guid patientId, bool active) => SetActiveAsync(patientId, active, onlyPatients: true);

    private async Task SetActiveAsync(Guid userId, bool active, bool onlyPatients)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = await users.FindByIdAsync(userId.ToString()) ?? throw new InvalidOperationException($"No user {userId}.");
        if (onlyPatients && !await users.IsInRoleAsync(user, Roles.Patient))
            throw new InvalidOperationException($"User {userId} is not a patient.");
        if (await users.IsInRoleAsync(user, Roles.Admin) && !active)
            throw new InvalidOperationException("The practice owner cannot be deactivated.");
        user.IsActive = active;
        Ensure(await users.UpdateAsync(user));
        Ensure(await users.UpdateSecurityStampAsync(user));
        accounts.Forget(userId); // their tokens stop at once here; cookies and circuits within a minute
        people.Forget(userId); // and bookings with them, or for them, are refused at once
    }

    private static void Ensure(IdentityResult result)
    {
        if (!result.Succeeded)
            throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
    }
}
