namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>Bearer tokens' lifetime (the <c>Tokens</c> section).</summary>
public sealed class ApiTokenOptions
{
    public const string Section = "Tokens";

    /// <summary>How long an access token from /api/identity/login or /refresh lives.</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(10);
}
