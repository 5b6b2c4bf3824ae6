namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// Converts between the practice's local days and times and UTC instants. Times are stored as instants;
/// days and months are the practice's, daylight-saving changes included.
/// </summary>
public static class PracticeTime
{
    /// <summary>
    /// The instant a local time of a local date falls on, or null when the clocks skip it (spring forward).
    /// A time the clocks pass twice (fall back) is read as the first time it occurs.
    /// </summary>
    public static DateTimeOffset? ToUtc(DateOnly date, TimeOnly time, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(local))
            return null;
        var offset = zone.IsAmbiguousTime(local)
            ? zone.GetAmbiguousTimeOffsets(local).Max()
            : zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }

    public static DateTimeOffset ToLocal(DateTimeOffset instant, TimeZoneInfo zone) => TimeZoneInfo.ConvertTime(instant, zone);

    public static DateOnly DateOf(DateTimeOffset instant, TimeZoneInfo zone) => DateOnly.FromDateTime(ToLocal(instant, zone).DateTime);

    /// <summary>The practice month a day belongs to, as "yyyy-MM".</summary>
    public static string MonthOf(DateOnly date) => date.ToString("yyyy-MM");
}
