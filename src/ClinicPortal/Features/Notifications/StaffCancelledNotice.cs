using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

public sealed record StaffCancelledNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.StaffCancelled_Subject, ClinicianName, ShortDay);
    public override string Lead() => string.Format(Emails.StaffCancelled_Lead, ClinicianName, Day, TimesText);
}
