using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Admin.Reports;

/// <summary>One clinician's figures over the range.</summary>
public sealed record ClinicianFigures(
    Guid ClinicianId, string Name, int SlotsOffered, int SlotsBooked, double Utilisation, int Arrivals, int NoShows, double NoShowRate,
    CancellationCounts Cancellations);
