using ClinicPortal.Infrastructure.Practice;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace ClinicPortal.Tests.Unit;

public class StartedClockTests
{
    private static readonly DateTimeOffset Monday0800 = new(2027, 1, 11, 8, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ItReadsTheChosenInstantWhenTheProcessStarted_AndAdvancesWithTheSystemsClock()
    {
        var system = new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 13, 26, 0, TimeSpan.Zero));
        var clock = new StartedClock(Monday0800, startedAt: system.GetUtcNow().AddSeconds(-3), system);

        Assert.Equal(Monday0800.AddSeconds(3), clock.GetUtcNow());
        system.Advance(TimeSpan.FromMinutes(5));
        Assert.Equal(Monday0800.AddSeconds(3).AddMinutes(5), clock.GetUtcNow());
        Assert.Equal(system.GetTimestamp(), clock.GetTimestamp()); // durations are the system's
    }

    [Fact]
    public void WithoutTheSetting_ItIsTheSystemsClock_AndABadInstantIsSaidPlainly()
    {
        Assert.Same(TimeProvider.System, StartedClock.From(new ConfigurationBuilder().Build()));

        var bad = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StartedClock.Setting] = "next Monday" }).Build();
        var error = Assert.Throws<InvalidOperationException>(() => StartedClock.From(bad));
        Assert.Contains("Clock:StartsAt must be an instant", error.Message);

        var set = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [StartedClock.Setting] = "2027-01-11T08:00:00+00:00" }).Build();
        var started = Assert.IsType<StartedClock>(StartedClock.From(set));
        Assert.InRange(started.GetUtcNow(), Monday0800, Monday0800.AddHours(1)); // this test process started well within the hour
    }
}
