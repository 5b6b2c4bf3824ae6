using System.Text;
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

    [Fact]
    public void CalendarLinesEndInCrLfAndAreFoldedAt75Octets()
    {
        var start = new DateTimeOffset(2026, 3, 3, 9, 10, 0, TimeSpan.Zero);
        var notice = new BookingConfirmedNotice(new string('P', 120), "Pat", "Dr Ünsal Çelik", new DateOnly(2026, 3, 3), [new("09:10", "09:20")],
            "https://x/book", start, start.AddMinutes(10), Guid.NewGuid());

        var ics = CalendarInvite.For(notice, start);

        Assert.EndsWith("END:VCALENDAR\r\n", ics);
        Assert.DoesNotContain("\n", ics.Replace("\r\n", ""));
        var lines = ics.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(lines, line => Assert.True(Encoding.UTF8.GetByteCount(line) <= 75, $"{Encoding.UTF8.GetByteCount(line)} octets: {line}"));
        Assert.Contains(lines, line => line.StartsWith(' ')); // the long LOCATION was folded
        Assert.Contains("LOCATION:" + new string('P', 120), ics.Replace("\r\n ", ""));
        Assert.Contains("SUMMARY:Appointment with Dr Ünsal Çelik", ics.Replace("\r\n ", ""));
    }
}
