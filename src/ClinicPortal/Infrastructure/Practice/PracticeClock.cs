using ClinicPortal.Domain.Scheduling;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Practice;

public sealed class PracticeOptions
{
    public const string Section = "Practice";

    public string Name { get; set; } = "ClinicPortal Practice";

    /// <summary>IANA time zone id: the practice's days and months are local to it.</summary>
    public string TimeZone { get; set; } = "Europe/London";
}

/// <summary>The practice's "now", "today" and time zone, from the injected <see cref="TimeProvider"/>.</summary>
public sealed class PracticeClock(TimeProvider time, IOptionsMonitor<PracticeOptions> options)
{
    public TimeZoneInfo Zone => TimeZoneInfo.FindSystemTimeZoneById(options.CurrentValue.TimeZone);

    public DateTimeOffset Now => time.GetUtcNow();

    public DateOnly Today => PracticeTime.DateOf(Now, Zone);

    public DateTimeOffset ToLocal(DateTimeOffset instant) => PracticeTime.ToLocal(instant, Zone);
}
