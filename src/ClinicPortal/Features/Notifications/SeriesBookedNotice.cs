using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

/// <summary>A series booked: one email for all of its appointments, each on its own line, with one calendar file holding every one.</summary>
public sealed record SeriesBookedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl,
    string VisitTypeName, IReadOnlyList<string> Occurrences)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.Series_Subject, VisitTypeName, ClinicianName, Occurrences.Count, ShortDay);
    public override string Lead() => string.Format(Emails.Series_Lead, Occurrences.Count, VisitTypeName, ClinicianName, string.Join("; ", Occurrences));
    public override bool KeepsTheVisit => true;
}
