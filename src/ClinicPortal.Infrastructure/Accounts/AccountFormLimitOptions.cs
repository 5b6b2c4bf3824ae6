namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>How often the sign-in, register and forgot-password forms may be posted (in the <c>RateLimits</c> section).</summary>
public sealed class AccountFormLimitOptions
{
    /// <summary>Posts of one form from one client address per window.</summary>
    public int AccountFormsPerAddress { get; set; } = 30;

    /// <summary>Posts of one form naming one email per window.</summary>
    public int AccountFormsPerAccount { get; set; } = 10;

    public TimeSpan AccountFormsWindow { get; set; } = TimeSpan.FromMinutes(15);
}
