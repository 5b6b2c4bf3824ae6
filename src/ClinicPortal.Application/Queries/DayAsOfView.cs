namespace ClinicPortal.Application.Queries;

/// <summary>A practice day as it stood when the log ended at <paramref name="Position"/>: each clinician's day and bookings (in the order asked).</summary>
public sealed record DayAsOfView(DateOnly Date, long Position, IReadOnlyList<ClinicianDayAsOf> Clinicians);
