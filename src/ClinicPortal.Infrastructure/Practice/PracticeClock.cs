using ClinicPortal.Application.Ports;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Infrastructure.Practice;

/// <summary>The practice's "now", "today" and time zone, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class PracticeClock(TimeProvider time, PracticeSettings settings) : IPracticeClock
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(settings.Current.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => PracticeTime.DateOf(Now, Zone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => PracticeTime.ToLocal(instant, Zone);

    /// <summary>"09:40" in the practice's time.</summary>
    /// <summary>The practice date an instant falls on.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => PracticeTime.DateOf(instant, Zone);

    public string Time(DateTimeOffset instant) => ToLocal(instant).ToString("HH:mm");
}
