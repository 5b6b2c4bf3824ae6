namespace ClinicPortal.Application.Ports;

/// <summary>The practice's time: now, today and the zone its days are in (the practice's settings say which).</summary>
public interface IPracticeClock
{
    DateTimeOffset Now { get; }
    DateOnly Today { get; }
    TimeZoneInfo Zone { get; }
}
