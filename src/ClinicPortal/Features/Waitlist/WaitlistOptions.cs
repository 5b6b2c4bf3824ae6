namespace ClinicPortal.Features.Waitlist;

/// <summary>How long a time offered from the waiting list is kept for the patient (<c>Waitlist:OfferMinutes</c>).</summary>
public sealed class WaitlistOptions
{
    public const string Section = "Waitlist";

    /// <summary>Minutes, fractions allowed (for tests), from 3 seconds to a day.</summary>
    public double OfferMinutes { get; set; } = 60;

    public TimeSpan OfferFor => TimeSpan.FromMinutes(Math.Clamp(OfferMinutes, 0.05, 24 * 60));
}
