namespace ClinicPortal.Features.Api;

public sealed class RateLimitOptions
{
    public const string Section = "RateLimits";

    /// <summary>Sign-in attempts per client address per minute (API sign-in).</summary>
    public int SignInPerMinute { get; set; } = 20;

    /// <summary>Booking requests per user per minute.</summary>
    public int BookingsPerMinute { get; set; } = 120;

    /// <summary>Calendar subscription requests per client address per minute (calendar apps poll every 15 minutes or so).</summary>
    public int CalendarFeedsPerMinute { get; set; } = 60;
}
