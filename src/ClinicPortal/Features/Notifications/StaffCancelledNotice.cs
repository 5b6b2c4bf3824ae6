namespace ClinicPortal.Features.Notifications;

public sealed record StaffCancelledNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: {ClinicianName} on {Date:ddd d MMM}";
    public override string Lead() => $"The practice has cancelled your appointment with {ClinicianName} on {Day} at {TimesText}.";
}
