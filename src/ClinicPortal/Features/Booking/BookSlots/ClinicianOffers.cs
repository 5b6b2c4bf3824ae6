namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>
/// One clinician's offers of a day.
/// For a visit of several clinicians, one team's: <paramref name="Team"/> has each part's clinician (the first leads:
/// it is <paramref name="ClinicianId"/>), the name is theirs together, and each offer's slots are every part's.
/// </summary>
public sealed record ClinicianOffers(Guid ClinicianId, string ClinicianName, IReadOnlyList<SlotOffer> Offers, IReadOnlyList<Guid>? Team = null)
{
    public IReadOnlyList<Guid> Clinicians => Team ?? [ClinicianId];
}
