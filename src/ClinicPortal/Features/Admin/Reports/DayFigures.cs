using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>One day's figures, every clinician together.</summary>
public sealed record DayFigures(DateOnly Date, int SlotsOffered, int SlotsBooked, double Utilisation, CancellationCounts Cancellations);
