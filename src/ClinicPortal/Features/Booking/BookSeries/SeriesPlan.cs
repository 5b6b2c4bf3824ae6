namespace ClinicPortal.Features.Booking.BookSeries;

/// <summary>
/// A series' plan, date by date, as it stands now; <paramref name="Changed"/>: the dates whose answer differs from the plan
/// shown before (a confirmation that found the plan changed booked nothing and shows this one).
/// </summary>
public sealed record SeriesPlan(Guid SeriesId, IReadOnlyList<PlannedDate> Dates, IReadOnlyList<DateOnly> Changed)
{
    public int BookableCount => Dates.Count(d => d.Bookable);
}
