using ClinicPortal.Domain;
using ClinicPortal.Features.Booking.BookSlots;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// One date of a series' plan: the time asked for (<paramref name="StartUtc"/>; none on a day the clocks skip it), what
/// would be booked then (<paramref name="Offer"/>, with <paramref name="ClinicianId"/>), or why not
/// (<paramref name="Refusal"/>: a booking rule, or for a patient a date outside how far ahead they may book, which is not
/// looked into; <see cref="NoFreeTime"/> when nobody is free then) and the nearest other times that week.
/// </summary>
public sealed record PlannedDate(
    DateOnly Date, DateTimeOffset? StartUtc, SlotOffer? Offer, Guid? ClinicianId, Rejection? Refusal, IReadOnlyList<PlannedAlternative> Alternatives)
{
    public bool Bookable => Offer is not null && Refusal is null;
    public bool NoFreeTime => Offer is null && Refusal is null;
}
