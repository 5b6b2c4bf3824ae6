namespace ClinicPortal.Features.Notifications;

public sealed record DayCancelledNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string Reason)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: {DoctorName} on {Date:ddd d MMM}";
    public override string Lead() => $"We are sorry: {DoctorName} cannot see patients on {Day}, so your appointment at {TimesText} is cancelled.";
}
