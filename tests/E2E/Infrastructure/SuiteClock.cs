namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>
/// The instant the end-to-end suite runs at, whatever hour it really is: 08:00 in the practice's zone on the second
/// Monday of a month (the next one to come), advancing normally from when the suite started. Every app the suite
/// starts reads its clock from here (<c>Clock:StartsAt</c>), so the demo practice it seeds is the same every run: a
/// Monday morning with the whole week ahead, two weeks from either end of the month (the 10-slot monthly limit never
/// meets a month's turn), never a day the clocks change.
/// </summary>
public static class SuiteClock
{
    private static readonly TimeZoneInfo Practice = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    /// <summary>How far the suite's time is from the real one: the same for every app and every test.</summary>
    private static readonly TimeSpan Shift = FirstMorning(DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow;

    /// <summary>Now, on the suite's clock (and the apps').</summary>
    public static DateTimeOffset Now => DateTimeOffset.UtcNow + Shift;

    /// <summary>The practice's date now: the Monday the suite runs on.</summary>
    public static DateOnly Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(Now, Practice).DateTime);

    /// <summary>What an app started now is told its clock reads (the instant its process starts at).</summary>
    public static string StartsAtSetting => Now.ToString("O");

    private static DateTimeOffset FirstMorning(DateTimeOffset from)
    {
        var date = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(from, Practice).DateTime).AddDays(1);
        while (date.DayOfWeek != DayOfWeek.Monday || date.Day is < 8 or > 14)
            date = date.AddDays(1);
        var local = date.ToDateTime(new TimeOnly(8, 0));
        return new DateTimeOffset(local, Practice.GetUtcOffset(local));
    }
}
