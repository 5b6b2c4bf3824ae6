namespace ClinicPortal.Features.Notifications;

public sealed record BookingConfirmedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Booked: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"Your appointment with {DoctorName} on {Day} at {TimesText} is booked.";
    public override bool KeepsTheVisit => true;
}
