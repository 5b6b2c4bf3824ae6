namespace ClinicPortal.Domain.Policies;

/// <summary>
/// When patients may book, move and cancel online (staff always may): not less than <paramref name="MinNoticeHours"/>
/// ahead nor more than <paramref name="MaxDaysAhead"/> days ahead, and no cancelling or moving within
/// <paramref name="CancelCutoffHours"/> of the start (they phone the practice).
/// </summary>
public sealed record BookingWindow(int MinNoticeHours = 2, int MaxDaysAhead = 60, int CancelCutoffHours = 24)
{
    public static readonly BookingWindow Default = new();

    public const int MaxHours = 24 * 14;
    public const int MaxDays = 730;

    /// <summary>Whether the values are ones the practice can keep: hours from 0 to two weeks, days from 1 to two years.</summary>
    public bool IsValid => MinNoticeHours is >= 0 and <= MaxHours && CancelCutoffHours is >= 0 and <= MaxHours && MaxDaysAhead is >= 1 and <= MaxDays;

    /// <summary>The earliest start a patient may book at <paramref name="now"/>.</summary>
    public DateTimeOffset EarliestStart(DateTimeOffset now) => now + TimeSpan.FromHours(MinNoticeHours);

    /// <summary>The latest start a patient may book at <paramref name="now"/> (just before).</summary>
    public DateTimeOffset LatestStart(DateTimeOffset now) => now + TimeSpan.FromDays(MaxDaysAhead);

    /// <summary>Whether <paramref name="by"/> may book a visit starting at <paramref name="start"/>, or why not.</summary>
    public Rejection? ForAppointment(Actor by, DateTimeOffset start, DateTimeOffset now) =>
        by.Role != Role.Patient ? null
        : start < EarliestStart(now) ? Rejection.BookingTooSoon
        : start >= LatestStart(now) ? Rejection.BookingTooFarAhead
        : null;

    /// <summary>Whether <paramref name="by"/> may still cancel or move a visit starting at <paramref name="start"/> online.</summary>
    public Rejection? ForChange(Actor by, DateTimeOffset start, DateTimeOffset now) =>
        by.Role == Role.Patient && start < now + TimeSpan.FromHours(CancelCutoffHours) ? Rejection.TooLateToChangeOnline : null;
}
