using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

public sealed record DayCancelledNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string Reason)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.DayCancelled_Subject, ClinicianName, ShortDay);
    public override string Lead() => string.Format(Emails.DayCancelled_Lead, ClinicianName, Day, TimesText);
}
