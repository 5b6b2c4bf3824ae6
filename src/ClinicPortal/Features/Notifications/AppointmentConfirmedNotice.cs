using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

public sealed record AppointmentConfirmedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.Confirmed_Subject, ClinicianName, ShortDay, Times[0].Start);
    public override string Lead() => string.Format(Emails.Confirmed_Lead, ClinicianName, Day, TimesText);
    public override bool KeepsTheVisit => true;
}
