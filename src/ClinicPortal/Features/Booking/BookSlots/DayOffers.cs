namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>
/// A day's offers, how many were left out because the patient already has a booking at that time, and how many because
/// another appointment is in the room then.
/// </summary>
public sealed record DayOffers(IReadOnlyList<ClinicianOffers> Clinicians, int HiddenForClashes, int HiddenForRoom = 0, int HiddenForWindow = 0)
{
    public static readonly DayOffers None = new([], 0);

    /// <summary>Only the starts patients may book online now (<paramref name="window"/>); how many were left out is counted.</summary>
    public DayOffers Within(Domain.Policies.BookingWindow window, DateTimeOffset now)
    {
        var (earliest, latest) = (window.EarliestStart(now), window.LatestStart(now));
        var kept = Clinicians.Select(d => d with { Offers = d.Offers.Where(o => o.StartUtc >= earliest && o.StartUtc < latest).ToArray() }).ToArray();
        var hidden = Clinicians.Sum(d => d.Offers.Count) - kept.Sum(d => d.Offers.Count);
        return hidden == 0 ? this : this with { Clinicians = kept.Where(d => d.Offers.Count > 0).ToArray(), HiddenForWindow = HiddenForWindow + hidden };
    }

    /// <summary>Only the offers <paramref name="clinicianId"/> takes part in (for a visit of several clinicians, their teams'); null: all.</summary>
    public DayOffers With(Guid? clinicianId) =>
        clinicianId is { } one ? this with { Clinicians = Clinicians.Where(d => d.Clinicians.Contains(one)).ToArray() } : this;
}
