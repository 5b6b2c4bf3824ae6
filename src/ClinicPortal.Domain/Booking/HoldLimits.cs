namespace ClinicPortal.Domain.Booking;

/// <summary>
/// What keeps holds a way to confirm in peace, and useless for keeping time from others: a patient who let a hold of a
/// clinician's time go, or let it run out, holds none of that clinician's time again for <paramref name="CoolDown"/>; and
/// holds at most <paramref name="MaxPerDay"/> times on one day that did not become bookings (the day the times are on:
/// what someone keeping a day from others would spend).
/// </summary>
public sealed record HoldLimits(int MaxPerDay, TimeSpan CoolDown)
{
    public static HoldLimits Default { get; } = new(6, TimeSpan.FromMinutes(10));
}
