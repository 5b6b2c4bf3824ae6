using ClinicPortal.Resources;

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
    public override string Subject => string.Format(Emails.Offer_Subject, ClinicianName, ShortDay, Times[0].Start);
    public override string Lead() => string.Format(Emails.Offer_Lead, ClinicianName, Day, TimesText, KeptUntil);
    public override bool KeepsTheVisit => true;
}
