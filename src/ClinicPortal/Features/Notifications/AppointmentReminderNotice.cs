using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

/// <summary>
/// The reminder before an appointment, with the way to move or cancel it (<paramref name="ManageUrl"/>) and until when
/// that can be done online (<paramref name="ChangeRule"/>).
/// </summary>
public sealed record AppointmentReminderNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string ManageUrl,
    string ChangeRule)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.Reminder_Subject, ClinicianName, ShortDay, Times[0].Start);
    public override string Lead() => string.Format(Emails.Reminder_Lead, ClinicianName, Day, TimesText);
    public override bool KeepsTheVisit => true;
}
