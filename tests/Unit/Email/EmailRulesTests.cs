using System.Text;
using System.Text.RegularExpressions;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Infrastructure.Email;

namespace ClinicPortal.Tests.Unit.Email;

public class EmailRulesTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(5, 16)]
    [InlineData(9, 256)]
    [InlineData(10, 300)]
    [InlineData(40, 300)]
    public void RetriesBackOffExponentiallyUpToTheCap(int attempt, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), EmailDispatcher.RetryDelay(attempt, TimeSpan.FromMinutes(5)));

    private static readonly CalendarDetails Details =
        new(new string('P', 120), "desk@practice.example", "pat@mail.example", "Appointment with Dr Ünsal Çelik", "Your visit.", "Europe/London");

    private static readonly CalendarVisit Winter = new(Guid.NewGuid(), new DateTimeOffset(2026, 3, 3, 9, 10, 0, TimeSpan.Zero), new DateTimeOffset(2026, 3, 3, 9, 30, 0, TimeSpan.Zero));

    private static string Unfolded(string ics) => ics.Replace("\r\n ", "");

    [Fact]
    public void AnAppointmentIsARequestInThePracticesZoneWithItsTimeZoneDefinition()
    {
        var ics = Unfolded(CalendarInvite.Request(Winter, Details, Winter.StartUtc.AddDays(-2)));

        Assert.Contains("METHOD:REQUEST\r\n", ics);
        Assert.Contains($"UID:{Winter.AppointmentId:N}@clinicportal\r\n", ics);
        Assert.Contains("SEQUENCE:0\r\n", ics);
        Assert.Contains("DTSTART;TZID=Europe/London:20260303T091000\r\n", ics);
        Assert.Contains("DTEND;TZID=Europe/London:20260303T093000\r\n", ics);
        Assert.Contains("BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n", ics);
        Assert.Contains("ORGANIZER;CN=", ics);
        Assert.Contains("mailto:pat@mail.example", ics);
        Assert.Contains("SUMMARY:Appointment with Dr Ünsal Çelik", ics);
    }

    [Fact]
    public void InSummerTheLocalTimeIsAnHourAheadOfUtc()
    {
        var summer = new CalendarVisit(Guid.NewGuid(), new DateTimeOffset(2026, 7, 7, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 7, 7, 8, 10, 0, TimeSpan.Zero));

        var ics = Unfolded(CalendarInvite.Request(summer, Details, summer.StartUtc.AddDays(-1)));

        Assert.Contains("DTSTART;TZID=Europe/London:20260707T090000\r\n", ics);
        Assert.Contains("TZOFFSETTO:+0100", ics);
    }

    [Fact]
    public void ACancellationUsesTheSameUidsWithAHigherSequenceSoCalendarsDropTheVisits()
    {
        var second = new CalendarVisit(Guid.NewGuid(), Winter.StartUtc.AddHours(2), Winter.EndUtc.AddHours(2));
        var request = Unfolded(CalendarInvite.Request(Winter, Details, Winter.StartUtc.AddDays(-2)));

        var cancel = Unfolded(CalendarInvite.Cancel([Winter, second], Details, Winter.StartUtc.AddDays(-1)));

        Assert.Contains("METHOD:CANCEL\r\n", cancel);
        Assert.Equal(2, Regex.Matches(cancel, "BEGIN:VEVENT").Count);
        Assert.Contains($"UID:{Winter.AppointmentId:N}@clinicportal\r\n", cancel);
        Assert.Contains($"UID:{second.AppointmentId:N}@clinicportal\r\n", cancel);
        Assert.Equal(2, Regex.Matches(cancel, "STATUS:CANCELLED").Count);
        Assert.True(Sequence(cancel) > Sequence(request));
    }

    [Fact]
    public void CalendarLinesEndInCrLfAndAreFoldedAt75Octets()
    {
        var ics = CalendarInvite.Request(Winter, Details, Winter.StartUtc);

        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        var lines = ics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' ')); // the long LOCATION was folded
        Assert.Contains("LOCATION:" + new string('P', 120), Unfolded(ics));
    }

    private static int Sequence(string ics) => int.Parse(Regex.Match(ics, @"SEQUENCE:(\d+)").Groups[1].Value);
}
