namespace ClinicPortal.Features.Notifications;

/// <summary>
/// A time that came free, offered from the waiting list: kept for the patient until <paramref name="KeptUntil"/>, booked
/// by opening <paramref name="ConfirmUrl"/> (signed in).
/// </summary>
public sealed record WaitOfferNotice(
    string PracticeName, string PatientName, string ClinicianName, DateOnly Date, IReadOnlyList<NoticeTimes> Times, string BookAgainUrl, string ConfirmUrl,
    string KeptUntil)
    : Notice(PracticeName, PatientName, ClinicianName, Date, Times, BookAgainUrl)
{
    public override string Subject => $"A time came free: {ClinicianName}, {Date:ddd d MMM} at {Times[0].Start}";
    public override string Lead() =>
        $"A time you were waiting for came free: {ClinicianName} on {Day} at {TimesText}. We keep it for you until {KeptUntil}; " +
        "open the link to book it. After that, it goes to the next patient waiting.";
    public override bool KeepsTheVisit => true;
}
