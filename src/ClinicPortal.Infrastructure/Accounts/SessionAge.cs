using System.Security.Claims;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// When a signed-in session began, carried as a claim in its cookie, so that the cookie's checks and an open page's
/// (whose circuit outlives any one request) end it at the same absolute cap.
/// </summary>
public static class SessionAge
{
    public const string ClaimType = "clinicportal:signed-in-at";

    public static Claim SignedInNow() =>
        new(ClaimType, DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), ClaimValueTypes.Integer64);

    public static Claim? SignedInAt(ClaimsPrincipal? principal) => principal?.FindFirst(ClaimType);

    /// <summary>True when the session is older than the cap, or does not say when it began.</summary>
    public static bool IsOver(ClaimsPrincipal? principal, SessionOptions sessions) =>
        !long.TryParse(SignedInAt(principal)?.Value, System.Globalization.CultureInfo.InvariantCulture, out var seconds)
        || DateTimeOffset.UtcNow - DateTimeOffset.FromUnixTimeSeconds(seconds) > sessions.AbsoluteTimeout;
}
