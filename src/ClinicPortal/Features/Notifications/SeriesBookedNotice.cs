namespace ClinicPortal.Features.Notifications;

/// <summary>A series booked: one email for all of its appointments, each on its own line, with one calendar file holding every one.</summary>
public sealed record SeriesBookedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl,
    string VisitTypeName, IReadOnlyList<string> Occurrences)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Series booked: {VisitTypeName} with {ClinicianName}, {Occurrences.Count} appointments from {Date:ddd d MMM}";
    public override string Lead() =>
        $"Your series of {Occurrences.Count} {VisitTypeName} appointments with {ClinicianName} is booked: {string.Join("; ", Occurrences)}.";
    public override bool KeepsTheVisit => true;
}
