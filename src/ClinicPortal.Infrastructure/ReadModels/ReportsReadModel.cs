using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.ScheduleProjection;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>Cancellations of visits in a range, by what caused them.</summary>
public sealed record CancellationCounts(int Patient, int Staff, int DayCancelled, int MonthlyLimit)
{
    public static readonly CancellationCounts None = new(0, 0, 0, 0);

    public int Total => Patient + Staff + DayCancelled + MonthlyLimit;

    public CancellationCounts Plus(CancellationCounts other) =>
        new(Patient + other.Patient, Staff + other.Staff, DayCancelled + other.DayCancelled, MonthlyLimit + other.MonthlyLimit);
}

/// <summary>One clinician's day in figures: its slots offered and booked, its visits' outcomes and cancellations.</summary>
public sealed record ReportDay(Guid ClinicianId, DateOnly Date, int SlotsOffered, int SlotsBooked, int Arrivals, int NoShows, CancellationCounts Cancellations);

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

/// <summary>
/// The owner's dashboard, from the schedule's read model (kept by the log and rebuilt with it like every other, never a
/// scan of the log): slots offered and booked from <c>rm_slots</c> (a cancelled day's slots are gone: not offered),
/// visits from <c>rm_bookings</c> by their current date (a moved visit counts where it is now) and their booking's
/// clinician. A visit marked arrived or no-show counts as that even if its day was cancelled afterwards, never also
/// as a cancellation.
/// </summary>
public sealed class ReportsReadModel(ClinicDatabase database)
{
    public async Task<ReportFigures> FiguresAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var range = new (string, object)[] { ("@from", Day(from)), ("@to", Day(to)) };
        var slots = await database.QueryAsync(
            """
            SELECT doctor_id, date, count(*), count(booking_id) FROM rm_slots
            WHERE date >= @from AND date <= @to GROUP BY doctor_id, date;
            """,
            r => (Clinician: r.GetGuid(0), Date: DateOnly.Parse(r.GetString(1)), Offered: r.GetInt32(2), Booked: r.GetInt32(3)), ct, range);
        var visits = await database.QueryAsync(
            """
            SELECT doctor_id, date,
                   sum(CASE WHEN visit_outcome = 'Arrived' THEN 1 ELSE 0 END),
                   sum(CASE WHEN visit_outcome = 'NoShow' THEN 1 ELSE 0 END),
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'Patient' THEN 1 ELSE 0 END),
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'Staff' THEN 1 ELSE 0 END),
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'DayCancelled' THEN 1 ELSE 0 END),
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'QuotaExceeded' THEN 1 ELSE 0 END)
            FROM rm_bookings WHERE date >= @from AND date <= @to GROUP BY doctor_id, date;
            """,
            r => (Clinician: r.GetGuid(0), Date: DateOnly.Parse(r.GetString(1)), Arrivals: r.GetInt32(2), NoShows: r.GetInt32(3),
                Cancellations: new CancellationCounts(r.GetInt32(4), r.GetInt32(5), r.GetInt32(6), r.GetInt32(7))), ct, range);
        var leads = await database.QueryAsync(
            "SELECT start_utc - booked_at FROM rm_bookings WHERE date >= @from AND date <= @to AND cancelled IS NULL;",
            r => Math.Max(0, r.GetInt64(0)) / 3_600_000.0, ct, range);
        var (start, end) = (StartOf(from, zone), StartOf(to.AddDays(1), zone));
        var newPatients = Convert.ToInt32(await database.ScalarAsync(
            """
            SELECT count(*) FROM (SELECT patient_id FROM rm_bookings GROUP BY patient_id HAVING min(booked_at) >= @start AND min(booked_at) < @end) firsts;
            """,
            ct, ("@start", Ms(start)), ("@end", Ms(end))));

        var days = slots.Select(s => (s.Clinician, s.Date)).Union(visits.Select(v => (v.Clinician, v.Date)))
            .Select(key =>
            {
                var offered = slots.FirstOrDefault(s => (s.Clinician, s.Date) == key);
                var visit = visits.FirstOrDefault(v => (v.Clinician, v.Date) == key);
                return new ReportDay(key.Clinician, key.Date, offered.Offered, offered.Booked, visit.Arrivals, visit.NoShows,
                    visit.Cancellations ?? CancellationCounts.None);
            })
            .OrderBy(d => d.Date).ThenBy(d => d.ClinicianId)
            .ToArray();
        return new ReportFigures(from, to, days, leads, newPatients);
    }

    /// <summary>When a practice day begins (its first hour, where the clocks skip midnight).</summary>
    private static DateTimeOffset StartOf(DateOnly date, TimeZoneInfo zone) =>
        Domain.Scheduling.PracticeTime.ToUtc(date, TimeOnly.MinValue, zone) ?? Domain.Scheduling.PracticeTime.ToUtc(date, new TimeOnly(1, 0), zone)!.Value;
}
