using System.Globalization;
using System.Text;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>The practice's figures for a range of days, with the clinicians' names, as a summary or as CSV.</summary>
public sealed class PracticeReport(IReportQueries reports, PeopleDirectory people, PracticeClock clock)
{
    /// <summary>The longest range asked for at once: a year.</summary>
    public const int MaxDays = 366;

    /// <summary>
    /// Why a range cannot be shown, in a sentence, or null when it can: the one rule of the dashboard, its download and the
    /// API. Its days lie from a year before <paramref name="today"/> to two years after (as every date the API takes), it
    /// ends on or after it starts, and it is at most <see cref="MaxDays"/> days long.
    /// </summary>
    public static string? Check(DateOnly from, DateOnly to, DateOnly today) =>
        from < today.AddYears(-1) || to > today.AddYears(2) || to < today.AddYears(-1) || from > today.AddYears(2)
            ? $"Choose days between {today.AddYears(-1):yyyy-MM-dd} and {today.AddYears(2):yyyy-MM-dd}."
        : to < from ? "The range must end on or after the day it starts."
        : to.DayNumber - from.DayNumber + 1 > MaxDays ? $"A range is at most {MaxDays} days; choose a shorter one."
        : null;

    /// <summary>The range rule (<see cref="Check(DateOnly, DateOnly, DateOnly)"/>) on the practice's today.</summary>
    public string? Check(DateOnly from, DateOnly to) => Check(from, to, clock.Today);

    /// <summary>A date as the dashboard's address, its download and the API write it: yyyy-MM-dd.</summary>
    public static DateOnly? ParseDate(string? text) =>
        DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null;

    /// <summary>This week (Monday to Sunday) of the practice's today.</summary>
    public (DateOnly From, DateOnly To) ThisWeek()
    {
        var today = clock.Today;
        var monday = today.AddDays(-(((int)today.DayOfWeek + 6) % 7));
        return (monday, monday.AddDays(6));
    }

    /// <summary>The four weeks up to and including today.</summary>
    public (DateOnly From, DateOnly To) LastFourWeeks() => (clock.Today.AddDays(-27), clock.Today);

    public async Task<ReportSummary> SummaryAsync(DateOnly from, DateOnly to, CancellationToken ct = default)
    {
        var figures = await reports.FiguresAsync(from, to, clock.Zone, ct);
        var names = await people.NamesAsync(figures.Days.Select(d => d.ClinicianId).Distinct(), ct);
        var byClinician = figures.Days.GroupBy(d => d.ClinicianId)
            .Select(g => Clinician(g.Key, names.GetValueOrDefault(g.Key, "A clinician no longer listed"), g.ToArray()))
            .OrderBy(c => c.Name, StringComparer.CurrentCulture).ToArray();
        var byDay = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(from.AddDays)
            .Select(date =>
            {
                var days = figures.Days.Where(d => d.Date == date).ToArray();
                var (offered, booked) = (days.Sum(d => d.SlotsOffered), days.Sum(d => d.SlotsBooked));
                return new DayFigures(date, offered, booked, Share(booked, offered),
                    days.Aggregate(CancellationCounts.None, (sum, d) => sum.Plus(d.Cancellations)));
            }).ToArray();
        return new ReportSummary(from, to, figures.SlotsOffered, figures.SlotsBooked, figures.Utilisation, figures.Arrivals, figures.NoShows,
            figures.NoShowRate, figures.Cancellations, figures.MedianLeadTimeHours is { } hours ? Math.Round(hours, 1) : null,
            figures.NewPatients, byClinician, byDay);
    }

    private static ClinicianFigures Clinician(Guid id, string name, IReadOnlyList<ReportDay> days)
    {
        var (offered, booked, arrivals, noShows) = (days.Sum(d => d.SlotsOffered), days.Sum(d => d.SlotsBooked), days.Sum(d => d.Arrivals), days.Sum(d => d.NoShows));
        return new ClinicianFigures(id, name, offered, booked, Share(booked, offered), arrivals, noShows, Share(noShows, arrivals + noShows),
            days.Aggregate(CancellationCounts.None, (sum, d) => sum.Plus(d.Cancellations)));
    }

    private static double Share(int part, int whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);

    /// <summary>
    /// The summary as CSV: one row per clinician, then one for the practice (with the median lead time and new patients).
    /// A name is quoted where it must be, and one that starts like a formula is prefixed so that a spreadsheet shows it as text.
    /// </summary>
    public static string Csv(ReportSummary summary)
    {
        var csv = new StringBuilder();
        csv.AppendLine("from,to,clinician_id,clinician,slots_offered,slots_booked,utilisation,arrivals,no_shows,no_show_rate," +
                       "cancelled_by_patient,cancelled_by_staff,cancelled_with_day,cancelled_monthly_limit,median_lead_time_hours,new_patients");
        string Row(string id, string name, int offered, int booked, double utilisation, int arrivals, int noShows, double rate, CancellationCounts c, string lead, string patients) =>
            string.Join(',', Day(summary.From), Day(summary.To), id, Field(name), offered, booked, Number(utilisation), arrivals, noShows, Number(rate),
                c.Patient, c.Staff, c.DayCancelled, c.MonthlyLimit, lead, patients);
        foreach (var c in summary.ByClinician)
            csv.AppendLine(Row(c.ClinicianId.ToString(), c.Name, c.SlotsOffered, c.SlotsBooked, c.Utilisation, c.Arrivals, c.NoShows, c.NoShowRate, c.Cancellations, "", ""));
        csv.AppendLine(Row("", "All clinicians", summary.SlotsOffered, summary.SlotsBooked, summary.Utilisation, summary.Arrivals, summary.NoShows,
            summary.NoShowRate, summary.Cancellations, summary.MedianLeadTimeHours is { } h ? Number(h) : "", summary.NewPatients.ToString(CultureInfo.InvariantCulture)));
        return csv.ToString();
    }

    public static string FileName(ReportSummary summary) => $"clinicportal-{Day(summary.From)}-to-{Day(summary.To)}.csv";

    private static string Day(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static string Number(double value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static string Field(string text)
    {
        if (text.Length > 0 && "=+-@\t\r".Contains(text[0]))
            text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
