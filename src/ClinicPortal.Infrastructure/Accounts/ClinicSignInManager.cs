using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>Refuses sign-in to users the practice owner has deactivated.</summary>
public sealed class ClinicSignInManager(
    UserManager<ClinicUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<ClinicUser> claimsFactory,
    Microsoft.Extensions.Options.IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<ClinicUser>> logger,
    IAuthenticationSchemeProvider schemes,
    IUserConfirmation<ClinicUser> confirmation)
    : SignInManager<ClinicUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(ClinicUser user) => user.IsActive && await base.CanSignInAsync(user);

    /// <summary>
    /// Whether an account is deactivated or its email unconfirmed is told only to someone who knows its password:
    /// otherwise "not allowed" (before the password is even checked) would tell a stranger that the email has an account.
    /// </summary>
    public override async Task<Microsoft.AspNetCore.Identity.SignInResult> CheckPasswordSignInAsync(ClinicUser user, string password, bool lockoutOnFailure)
    {
        if (!await CanSignInAsync(user) && !await UserManager.CheckPasswordAsync(user, password))
            return Microsoft.AspNetCore.Identity.SignInResult.Failed;
        return await base.CheckPasswordSignInAsync(user, password, lockoutOnFailure);
    }
}
