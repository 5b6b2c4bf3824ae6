using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Ends an interactive session within a minute of the user's deactivation or password change, and at the session's
/// absolute cap: an open page's circuit sends no requests, so the cookie's own checks never see it.
/// </summary>
internal sealed class RevalidatingAuthenticationStateProvider(ILoggerFactory loggerFactory, CurrentAccounts accounts, IOptions<SessionOptions> sessions)
    : Microsoft.AspNetCore.Components.Server.RevalidatingServerAuthenticationStateProvider(loggerFactory)
{
    protected override TimeSpan RevalidationInterval => sessions.Value.RecheckAfter;

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken cancellationToken) =>
        !SessionAge.IsOver(state.User, sessions.Value) && await accounts.IsCurrentNowAsync(state.User);
}
