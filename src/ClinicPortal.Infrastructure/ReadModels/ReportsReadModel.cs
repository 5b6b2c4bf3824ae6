using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The owner's dashboard, from the schedule's read model (kept by the log and rebuilt with it like every other, never a
/// scan of the log): slots offered and booked from <c>rm_slots</c> (a cancelled day's slots are gone: not offered),
/// visits from <c>rm_bookings</c> by their current date (a moved visit counts where it is now) and their booking's
/// clinician. A visit marked arrived or no-show counts as that even if its day was cancelled afterwards, never also
/// as a cancellation.
/// </summary>
public sealed class ReportsReadModel(ClinicDatabase database) : IReportQueries
{
    public async Task<ReportFigures> FiguresAsync(DateOnly from, DateOnly to, TimeZoneInfo zone, CancellationToken ct = default)
    {
        var range = new (string, object?)[] { ("@from", Day(from)), ("@to", Day(to)) };
        var slots = (await database.RowsAsync<SlotFigures>(
            """
            SELECT doctor_id, date, count(*) AS offered, count(booking_id) AS booked FROM rm_slots
            WHERE date >= @from AND date <= @to GROUP BY doctor_id, date;
            """,
            ct, range)).Select(s => (Clinician: s.ClinicianId, Date: s.Day, s.Offered, s.Booked)).ToArray();
        var visits = (await database.RowsAsync<VisitFigures>(
            """
            SELECT doctor_id, date,
                   sum(CASE WHEN visit_outcome = 'Arrived' THEN 1 ELSE 0 END) AS arrivals,
                   sum(CASE WHEN visit_outcome = 'NoShow' THEN 1 ELSE 0 END) AS no_shows,
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'Patient' THEN 1 ELSE 0 END) AS by_patient,
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'Staff' THEN 1 ELSE 0 END) AS by_staff,
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'DayCancelled' THEN 1 ELSE 0 END) AS day_cancelled,
                   sum(CASE WHEN visit_outcome IS NULL AND cancelled = 'QuotaExceeded' THEN 1 ELSE 0 END) AS monthly_limit
            FROM rm_bookings WHERE date >= @from AND date <= @to GROUP BY doctor_id, date;
            """,
            ct, range)).Select(v => (Clinician: v.ClinicianId, Date: v.Day, v.Arrivals, v.NoShows,
                Cancellations: new CancellationCounts(v.ByPatient, v.ByStaff, v.DayCancelled, v.MonthlyLimit))).ToArray();
        var leads = (await database.RowsAsync<long>(
            "SELECT start_utc - booked_at FROM rm_bookings WHERE date >= @from AND date <= @to AND cancelled IS NULL;", ct, range))
            .Select(ms => Math.Max(0, ms) / 3_600_000.0).ToArray();
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

    /// <summary>A clinician's day's slots: offered, and booked.</summary>
    private sealed class SlotFigures
    {
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public int Offered { get; init; }
        public int Booked { get; init; }
    }

    /// <summary>A clinician's day's visits: their outcomes, and the cancellations by cause.</summary>
    private sealed class VisitFigures
    {
        public Guid ClinicianId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public int Arrivals { get; init; }
        public int NoShows { get; init; }
        public int ByPatient { get; init; }
        public int ByStaff { get; init; }
        public int DayCancelled { get; init; }
        public int MonthlyLimit { get; init; }
    }
}
