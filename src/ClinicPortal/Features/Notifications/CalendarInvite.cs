using System.Globalization;
using System.Text;

namespace ClinicPortal.Features.Notifications;

/// <summary>
/// An RFC 5545 calendar file for a booking. Start and end are UTC instants (DATE-TIME form 2, with "Z"),
/// so every calendar shows them at the right local time, the practice's included, across daylight saving.
/// </summary>
public static class CalendarInvite
{
    public static string For(BookingConfirmedNotice notice, DateTimeOffset stamp)
    {
        var ics = new StringBuilder();
        void Line(string text)
        {
            // Lines are folded at 75 octets; continuation lines start with a space (RFC 5545 §3.1).
            var remaining = text;
            var first = true;
            while (Encoding.UTF8.GetByteCount(remaining) > (first ? 75 : 74))
            {
                var cut = first ? 75 : 74;
                while (Encoding.UTF8.GetByteCount(remaining[..cut]) > (first ? 75 : 74)) cut--;
                ics.Append(first ? "" : " ").Append(remaining[..cut]).Append("\r\n");
                remaining = remaining[cut..];
                first = false;
            }
            ics.Append(first ? "" : " ").Append(remaining).Append("\r\n");
        }

        Line("BEGIN:VCALENDAR");
        Line("VERSION:2.0");
        Line("PRODID:-//ClinicPortal//Appointments//EN");
        Line("CALSCALE:GREGORIAN");
        Line("METHOD:PUBLISH");
        Line("BEGIN:VEVENT");
        Line($"UID:{notice.BookingId:N}@clinicportal");
        Line($"DTSTAMP:{Utc(stamp)}");
        Line($"DTSTART:{Utc(notice.StartUtc)}");
        Line($"DTEND:{Utc(notice.EndUtc)}");
        Line($"SUMMARY:{Escape($"Appointment with {notice.DoctorName}")}");
        Line($"LOCATION:{Escape(notice.PracticeName)}");
        Line($"DESCRIPTION:{Escape(notice.Lead())}");
        Line("END:VEVENT");
        Line("END:VCALENDAR");
        return ics.ToString();
    }

    private static string Utc(DateTimeOffset instant) => instant.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);

    private static string Escape(string text) =>
        text.Replace("\\", "\\\\").Replace(";", "\\;").Replace(",", "\\,").Replace("\r\n", "\\n").Replace("\n", "\\n");
}
