using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

/// <summary>
/// A booking moved to another time with the same clinicians: the new time, and the old one it replaces; and its new room,
/// when the new time is in another (<paramref name="Room"/>: see <see cref="AppointmentChange.RoomText"/>).
/// </summary>
public sealed record AppointmentMovedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string WasText,
    string? Room = null)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.Moved_Subject, ClinicianName, ShortDay, Times[0].Start);
    public override string Lead() =>
        string.Format(Emails.Moved_Lead, ClinicianName, Day, TimesText, WasText) + (Room is null ? "" : string.Format(Emails.Moved_Room, Room));
    public override bool KeepsTheVisit => true;
}
