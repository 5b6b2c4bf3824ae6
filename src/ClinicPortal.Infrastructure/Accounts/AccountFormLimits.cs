using System.Globalization;
using System.Threading.RateLimiting;
using ClinicPortal.Infrastructure.RateLimiting;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>
/// Slows down guessing passwords, probing who has an account and flooding people with emails: each account form
/// counts its posts per client address (the real one, after forwarded headers) and per email address typed; the
/// sign-in form counts only its failures per email, so a shared reception PC signing in all day is never refused. The
/// forms are pages rather than API endpoints, and the email is in the posted form, so the pages ask here instead of
/// the rate-limiting middleware (which cannot read a form) deciding for them.
/// </summary>
public sealed class AccountFormLimits
{
    // Refilled when asked, not on a timer (see OnDemandRateLimiter): an idle practice sleeps.
    private readonly OnDemandRateLimiter<(AccountForm Form, string Key)> _perAddress;
    private readonly OnDemandRateLimiter<(AccountForm Form, string Key)> _perAccount;

    public AccountFormLimits(IOptions<AccountFormLimitOptions> options)
    {
        var limits = options.Value;
        _perAddress = OnDemandRateLimiter<(AccountForm, string)>.FixedWindow(limits.AccountFormsPerAddress, limits.AccountFormsWindow);
        _perAccount = OnDemandRateLimiter<(AccountForm, string)>.FixedWindow(limits.AccountFormsPerAccount, limits.AccountFormsWindow);
    }

    /// <summary>
    /// Whether this post may go ahead. When it may not, the response says 429 and when to try again, and the page
    /// shows <see cref="TooManyAttempts"/> instead of doing anything. A sign-in only asks whether its email has failures
    /// left (<see cref="SignInFailed"/> spends them).
    /// </summary>
    public bool Allows(AccountForm form, HttpContext http, string? email)
    {
        var address = http.Connection.RemoteIpAddress?.ToString() ?? "unknown";
        using var fromAddress = _perAddress.AttemptAcquire((form, address));
        if (!fromAddress.IsAcquired)
            return Refused(http, fromAddress);
        using var forAccount = _perAccount.AttemptAcquire((form, Email(email)), permitCount: form == AccountForm.SignIn ? 0 : 1);
        return forAccount.IsAcquired || Refused(http, forAccount);
    }

    /// <summary>A sign-in with this email failed (a wrong password, a locked account): one of its tries is spent.</summary>
    public void SignInFailed(string? email)
    {
        using var _ = _perAccount.AttemptAcquire((AccountForm.SignIn, Email(email)));
    }

    private static string Email(string? email) => (email ?? "").Trim().ToUpperInvariant();

    private static bool Refused(HttpContext http, RateLimitLease lease)
    {
        http.Response.StatusCode = StatusCodes.Status429TooManyRequests;
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            http.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return false;
    }

    public static string TooManyAttempts => Resources.AccountTexts.TooManyAttempts;
}
