namespace ClinicPortal.Features.Notifications;

/// <summary>An appointment put in another room, at the same time with the same clinicians.</summary>
public sealed record RoomChangedNotice(
    string PracticeName, string PatientName, string DoctorName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string RoomName)
    : Notice(PracticeName, PatientName, DoctorName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"Room changed: {DoctorName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() => $"Your appointment with {DoctorName} on {Day} at {TimesText} is now in {RoomName}; the time stays the same.";
    public override bool KeepsTheVisit => true;
}
