namespace ClinicPortal.Features.Notifications;

public sealed record AppointmentConfirmedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Booked: {ClinicianName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"Your appointment with {ClinicianName} on {Day} at {TimesText} is booked.";
    public override bool KeepsTheVisit => true;
}
