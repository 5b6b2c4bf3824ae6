namespace ClinicPortal.Features.Notifications;

public sealed record DayCancelledNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string Reason)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: {ClinicianName} on {Date:ddd d MMM}";
    public override string Lead() => $"We are sorry: {ClinicianName} cannot see patients on {Day}, so your appointment at {TimesText} is cancelled.";
}
