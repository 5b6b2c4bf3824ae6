using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Whether a signed-in principal still speaks for a live account: the user is active and their security stamp is the
/// one the token or cookie was issued with (deactivation, a password change or reset change it). Looked up at most
/// once a minute per user, so every request can ask.
/// </summary>
public sealed class CurrentAccounts(IServiceScopeFactory scopes, IMemoryCache cache, IOptions<IdentityOptions> identity, IOptions<SessionOptions> sessions)
{
    private sealed record Account(bool IsActive, string? Stamp);

    /// <summary>The check for every API request: the account as looked up at most a minute ago.</summary>
    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal)
    {
        if (!Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId))
            return false;
        var account = await cache.GetOrCreateAsync(("account", userId), entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = sessions.Value.RecheckAfter;
            return LookUpAsync(userId);
        });
        return Speaks(principal, account!);
    }

    /// <summary>The check an open page makes once a minute: the account as it is now.</summary>
    public async Task<bool> IsCurrentNowAsync(ClaimsPrincipal principal) =>
        Guid.TryParse(principal.FindFirstValue(ClaimTypes.NameIdentifier), out var userId) && Speaks(principal, await LookUpAsync(userId));

    private bool Speaks(ClaimsPrincipal principal, Account account) =>
        account.IsActive && account.Stamp == principal.FindFirstValue(identity.Value.ClaimsIdentity.SecurityStampClaimType);

    private async Task<Account> LookUpAsync(Guid userId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = await users.FindByIdAsync(userId.ToString());
        return user is null ? new Account(false, null) : new Account(user.IsActive, await users.GetSecurityStampAsync(user));
    }

    /// <summary>Forgets what is cached of a user, so the next API request sees a change at once (deactivation, a new password).</summary>
    public void Forget(Guid userId) => cache.Remove(("account", userId));
}
