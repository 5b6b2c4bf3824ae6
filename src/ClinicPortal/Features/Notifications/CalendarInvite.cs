using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace ClinicPortal.Features.Notifications;

/// <summary>
/// RFC 5545 calendar files (iTIP, RFC 5546) for a patient's visits, made with Ical.Net. Times are local to the
/// practice's zone (<c>TZID</c>, with its <c>VTIMEZONE</c>), so a calendar shows what the practice means even
/// across daylight saving. A booking goes out as <c>METHOD:REQUEST</c>; every cancellation of it as
/// <c>METHOD:CANCEL</c> with the same UID and a higher <c>SEQUENCE</c>, so the patient's calendar drops the visit.
/// </summary>
public static class CalendarInvite
{
    public const string RequestMethod = "REQUEST";
    public const string CancelMethod = "CANCEL";

    /// <summary>The booking (sequence 0), or its new time after a move (the sequence of that change).</summary>
    public static string Request(CalendarVisit visit, CalendarDetails details, DateTimeOffset stamp, int sequence = 0) =>
        Write(RequestMethod, [visit], details, stamp, sequence, status: "CONFIRMED");

    /// <summary>Several visits booked together (a series): each its own entry and UID, so each later change updates it alone.</summary>
    public static string RequestAll(IReadOnlyList<CalendarVisit> visits, CalendarDetails details, DateTimeOffset stamp) =>
        Write(RequestMethod, visits, details, stamp, 0, status: "CONFIRMED");

    public static string Cancel(IReadOnlyList<CalendarVisit> visits, CalendarDetails details, DateTimeOffset stamp, int sequence = 1) =>
        Write(CancelMethod, visits, details, stamp, sequence, status: "CANCELLED");

    /// <summary>
    /// The SEQUENCE of an appointment's calendar entry at one of its events: how many times it had changed before (booked,
    /// moved, reassigned, its parts or room changed, cancelled), so the booking is 0 and each later change one higher, however
    /// quickly they follow each other. An event that changes nothing (a reminder) carries the entry's current number.
    /// </summary>
    public static int SequenceOf(int changesBefore, bool isChange) => isChange ? changesBefore : Math.Max(0, changesBefore - 1);

    /// <summary>The MIME type of the attachment, naming the iTIP method as calendar clients expect.</summary>
    public static string ContentType(string method) => $"text/calendar; method={method}; charset=utf-8";

    private static string Write(string method, IReadOnlyList<CalendarVisit> visits, CalendarDetails details, DateTimeOffset stamp, int sequence, string status)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(details.TimeZoneId);
        var calendar = new Calendar { Method = method, ProductId = "-//ClinicPortal//Appointments//EN" };
        var earliest = visits.Min(v => v.StartUtc);
        calendar.AddTimeZone(VTimeZone.FromDateTimeZone(details.TimeZoneId, earliest.UtcDateTime.AddDays(-1), includeHistoricalData: false));
        foreach (var visit in visits)
        {
            calendar.Events.Add(new CalendarEvent
            {
                Uid = visit.Uid,
                Sequence = visit.Sequence ?? sequence,
                DtStamp = new CalDateTime(stamp.UtcDateTime, "UTC"),
                DtStart = Local(visit.StartUtc, zone, details.TimeZoneId),
                DtEnd = Local(visit.EndUtc, zone, details.TimeZoneId),
                Summary = details.Summary,
                Location = details.PracticeName,
                Description = details.Description,
                Status = status,
                Organizer = new Organizer($"mailto:{details.PracticeEmail}") { CommonName = details.PracticeName },
                Attendees = [new Attendee($"mailto:{details.PatientEmail}") { Role = "REQ-PARTICIPANT", ParticipationStatus = "ACCEPTED" }],
            });
        }
        return new CalendarSerializer().SerializeToString(calendar)!;
    }

    /// <summary>An instant as a calendar's local time in the practice's zone (with its TZID).</summary>
    internal static CalDateTime Local(DateTimeOffset instant, TimeZoneInfo zone, string zoneId) =>
        new(DateTime.SpecifyKind(TimeZoneInfo.ConvertTime(instant, zone).DateTime, DateTimeKind.Unspecified), zoneId);
}
