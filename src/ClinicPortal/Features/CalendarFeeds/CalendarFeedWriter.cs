using System.Security.Cryptography;
using System.Text;
using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ClinicPortal.Features.CalendarFeeds;

/// <summary>
/// A published calendar (RFC 5545, no iTIP method: a subscription, not an invitation) of appointments, in the practice's
/// zone with its <c>VTIMEZONE</c>. The same entries on the same day give the same text byte for byte (entries in order of
/// start, every stamp the window's first day), so its hash is an entity tag that changes exactly when what it lists does.
/// </summary>
public static class CalendarFeedWriter
{
    /// <summary>How often a subscribing calendar is asked to look again.</summary>
    public static readonly TimeSpan Refresh = TimeSpan.FromMinutes(15);

    public static CalendarFeed Write(string name, string timeZoneId, DateTimeOffset windowStartUtc, IEnumerable<FeedEntry> entries)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(timeZoneId);
        var calendar = new Calendar { ProductId = "-//ClinicPortal//Calendar feed//EN" };
        calendar.AddProperty("X-WR-CALNAME", name);
        calendar.AddProperty("X-WR-TIMEZONE", timeZoneId);
        calendar.AddProperty("X-PUBLISHED-TTL", "PT15M");
        calendar.AddProperty(new CalendarProperty("REFRESH-INTERVAL", "PT15M") { Parameters = { new CalendarParameter("VALUE", "DURATION") } });
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(timeZoneId, windowStartUtc.UtcDateTime.AddDays(-1), includeHistoricalData: false));
        var stamp = new CalDateTime(windowStartUtc.UtcDateTime, "UTC");
        foreach (var entry in entries.OrderBy(e => e.StartUtc).ThenBy(e => e.Uid, StringComparer.Ordinal))
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = entry.Uid,
                DtStamp = stamp,
                DtStart = Notifications.CalendarInvite.Local(entry.StartUtc, zone, timeZoneId),
                DtEnd = Notifications.CalendarInvite.Local(entry.EndUtc, zone, timeZoneId),
                Summary = entry.Summary,
                Location = entry.Location,
                Status = "CONFIRMED",
                Transparency = "OPAQUE",
            });
        }
        var body = new CalendarSerializer().SerializeToString(calendar)!;
        return new CalendarFeed(body, $"\"{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(body)))[..32]}\"");
    }
}
