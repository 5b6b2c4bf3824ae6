using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>What the dashboard, the API and the CSV download show for a range of days.</summary>
public sealed record ReportSummary(
    DateOnly From, DateOnly To, int SlotsOffered, int SlotsBooked, double Utilisation, int Arrivals, int NoShows, double NoShowRate,
    CancellationCounts Cancellations, double? MedianLeadTimeHours, int NewPatients, IReadOnlyList<ClinicianFigures> ByClinician,
    IReadOnlyList<DayFigures> ByDay);
