namespace ClinicPortal.Application.Queries;

/// <summary>One clinician's day in figures: its slots offered and booked, its visits' outcomes and cancellations.</summary>
public sealed record ReportDay(Guid ClinicianId, DateOnly Date, int SlotsOffered, int SlotsBooked, int Arrivals, int NoShows, CancellationCounts Cancellations);
