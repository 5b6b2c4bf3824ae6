using System.Diagnostics;
using System.Globalization;

namespace ClinicPortal.Infrastructure.Practice;

/// <summary>
/// The system's clock, reading a chosen instant (<c>Clock:StartsAt</c>) when the process started and advancing normally
/// from there: what the end-to-end suite runs its apps on, so the demo practice it seeds is the same whatever hour the
/// suite starts at, and what a demo can use to show a Monday morning on a Sunday. Timers and stopwatches are the system's own (durations
/// are not shifted). Never set in a practice's settings: appointments would be decided against the wrong time.
/// </summary>
public sealed class StartedClock(DateTimeOffset startsAt, DateTimeOffset startedAt, TimeProvider system) : TimeProvider
{
    public const string Setting = "Clock:StartsAt";

    private readonly TimeSpan _shift = startsAt - startedAt;

    public override DateTimeOffset GetUtcNow() => system.GetUtcNow() + _shift;

    public override TimeZoneInfo LocalTimeZone => system.LocalTimeZone;

    public override long TimestampFrequency => system.TimestampFrequency;

    public override long GetTimestamp() => system.GetTimestamp();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period) =>
        system.CreateTimer(callback, state, dueTime, period);

    /// <summary>
    /// The clock <paramref name="configuration"/> asks for: reading <c>Clock:StartsAt</c> at the process's start if set
    /// (so a test host that sets it just before starting the process shares its clock), else the system's.
    /// </summary>
    public static TimeProvider From(IConfiguration configuration)
    {
        var value = configuration[Setting];
        if (string.IsNullOrWhiteSpace(value))
            return TimeProvider.System;
        if (!DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.None, out var startsAt))
            throw new InvalidOperationException($"{Setting} must be an instant with its offset, such as 2027-01-11T08:00:00+00:00; it is '{value}'.");
        using var process = Process.GetCurrentProcess();
        return new StartedClock(startsAt, new DateTimeOffset(process.StartTime.ToUniversalTime(), TimeSpan.Zero), TimeProvider.System);
    }
}
