using System.Security.Claims;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Languages;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace ClinicPortal.Features.Language;

public static class LanguageEndpoints
{
    /// <summary>
    /// <c>POST /language</c> (the menu's form): keeps the language in this browser and, for someone signed in, on their
    /// account (so their emails and their other browsers follow), then goes back to the page it came from.
    /// </summary>
    public static void MapLanguageEndpoints(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost("/language", async (
            [FromForm] string? language, [FromForm] string? returnUrl, HttpContext context, UserManager<ClinicUser> users, SignInManager<ClinicUser> signIn) =>
        {
            // Form parameters: the antiforgery token the form carries is checked before this runs.
            var back = Accounts.Login.SafeReturnUrl(returnUrl);
            if (Languages.Match(language) is not { } code || code == Languages.Pseudo)
                return Results.LocalRedirect(back);
            LanguageChoice.Remember(context.Response, code);
            if (context.User.Identity?.IsAuthenticated == true && await users.GetUserAsync(context.User) is { } user)
            {
                foreach (var old in (await users.GetClaimsAsync(user)).Where(c => c.Type == LanguageChoice.ClaimType).ToArray())
                    await users.RemoveClaimAsync(user, old);
                await users.AddClaimAsync(user, new Claim(LanguageChoice.ClaimType, code));
                await signIn.RefreshSignInAsync(user); // the sign-in cookie carries it from now on
            }
            return Results.LocalRedirect(back);
        });
}
