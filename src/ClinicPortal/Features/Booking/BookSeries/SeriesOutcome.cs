using ClinicPortal.Domain;

namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// What confirming a series did: <paramref name="Booked"/> every appointment of it; or nothing, with the plan as it stands
/// now (<paramref name="Plan"/>: it changed since it was shown) or a refusal of the whole (<paramref name="Refusal"/>).
/// </summary>
public sealed record SeriesOutcome(IReadOnlyList<SlotsBooked>? Booked, SeriesPlan? Plan, Rejection? Refusal = null, string? Problem = null);
