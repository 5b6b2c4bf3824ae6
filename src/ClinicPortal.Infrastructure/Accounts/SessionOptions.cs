namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>How long a signed-in browser session lasts (the <c>Sessions</c> section).</summary>
public sealed class SessionOptions
{
    public const string Section = "Sessions";

    /// <summary>Signed out after this long without a request (sliding).</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.FromMinutes(60);

    /// <summary>Signed out this long after signing in, however active.</summary>
    public TimeSpan AbsoluteTimeout { get; set; } = TimeSpan.FromHours(12);

    /// <summary>
    /// How stale a session's view of its account may be: cookies, open pages and API tokens look again at least this
    /// often whether the account is still active and its password unchanged.
    /// </summary>
    public TimeSpan RecheckAfter { get; set; } = TimeSpan.FromMinutes(1);
}
