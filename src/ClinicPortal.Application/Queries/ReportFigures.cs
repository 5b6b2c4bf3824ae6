namespace ClinicPortal.Application.Queries;

/// <summary>
/// What the practice did over a range of days, per clinician and per day: <see cref="Days"/> (one row per clinician and
/// date that had anything), lead times (hours from booking to the visit, of the visits still booked) and the patients
/// whose first booking ever was made in the range.
/// </summary>
public sealed record ReportFigures(DateOnly From, DateOnly To, IReadOnlyList<ReportDay> Days, IReadOnlyList<double> LeadTimesHours, int NewPatients)
{
    public int SlotsOffered => Days.Sum(d => d.SlotsOffered);
    public int SlotsBooked => Days.Sum(d => d.SlotsBooked);
    public int Arrivals => Days.Sum(d => d.Arrivals);
    public int NoShows => Days.Sum(d => d.NoShows);
    public CancellationCounts Cancellations => Days.Aggregate(CancellationCounts.None, (sum, d) => sum.Plus(d.Cancellations));

    /// <summary>Booked slots over offered ones (0 when nothing was offered).</summary>
    public double Utilisation => SlotsOffered == 0 ? 0 : (double)SlotsBooked / SlotsOffered;

    /// <summary>No-shows over the visits whose outcome was marked (0 when none was).</summary>
    public double NoShowRate => Arrivals + NoShows == 0 ? 0 : (double)NoShows / (Arrivals + NoShows);

    public double? MedianLeadTimeHours => Median(LeadTimesHours);

    public static double? Median(IReadOnlyList<double> values)
    {
        if (values.Count == 0)
            return null;
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
