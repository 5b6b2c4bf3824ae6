namespace ClinicPortal.Infrastructure.Email;

public sealed class EmailOptions
{
    public const string Section = "Email";

    public string From { get; set; } = "appointments@clinicportal.local";
    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>Where links in emails point: the address patients reach the app at.</summary>
    public string LinkBaseUrl { get; set; } = "http://localhost:5000";

    /// <summary>The longest wait between two attempts to send a message while the SMTP server is down.</summary>
    public int MaxRetryDelaySeconds { get; set; } = 300;

    public TimeSpan MaxRetryDelay => TimeSpan.FromSeconds(Math.Max(1, MaxRetryDelaySeconds));
}
