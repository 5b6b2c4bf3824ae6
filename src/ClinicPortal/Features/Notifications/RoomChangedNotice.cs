using ClinicPortal.Resources;

namespace ClinicPortal.Features.Notifications;

/// <summary>An appointment put in another room, at the same time with the same clinicians.</summary>
public sealed record RoomChangedNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string RoomName)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => string.Format(Emails.RoomChanged_Subject, ClinicianName, ShortDay, Times[0].Start);
    public override string Lead() => $"Your appointment with {ClinicianName} on {Day} at {TimesText} is now in {RoomName}; the time stays the same.";
    public override bool KeepsTheVisit => true;
}
