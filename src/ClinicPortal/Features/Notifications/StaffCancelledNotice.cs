namespace ClinicPortal.Features.Notifications;

public sealed record StaffCancelledNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Cancelled: {DoctorName} on {Date:ddd d MMM}";
    public override string Lead() => $"The practice has cancelled your appointment with {DoctorName} on {Day} at {TimesText}.";
}
