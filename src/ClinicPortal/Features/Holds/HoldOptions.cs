using ClinicPortal.Domain.Booking;

namespace ClinicPortal.Features.Holds;

/// <summary>How long a time is held while a patient confirms (<c>Booking:HoldMinutes</c>).</summary>
public sealed class HoldOptions
{
    public const string Section = "Booking";

    /// <summary>Minutes, fractions allowed (0.5 is 30 seconds), from 3 seconds to an hour.</summary>
    public double HoldMinutes { get; set; } = 5;

    public TimeSpan HoldFor => TimeSpan.FromMinutes(Math.Clamp(HoldMinutes, 0.05, 60));

    /// <summary>Minutes after letting a hold go (or letting it run out) before the patient may hold that clinician's time again (0 to a day).</summary>
    public double HoldCoolDownMinutes { get; set; } = 10;

    /// <summary>How many held times on one day a patient may let go of (or let run out); at least 1.</summary>
    public int MaxHoldsPerDay { get; set; } = HoldLimits.Default.MaxPerDay;

    public HoldLimits Limits => new(Math.Max(1, MaxHoldsPerDay), TimeSpan.FromMinutes(Math.Clamp(HoldCoolDownMinutes, 0, 24 * 60)));
}
