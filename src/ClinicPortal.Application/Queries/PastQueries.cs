namespace ClinicPortal.Application.Queries;

/// <summary>A practice day as it stood when the log ended at <paramref name="Position"/>: each clinician's day and bookings (in the order asked).</summary>
public sealed record DayAsOfView(DateOnly Date, long Position, IReadOnlyList<ClinicianDayAsOf> Clinicians);

/// <summary>One clinician's day then: its slots (with who held each) and its bookings, live or cancelled by then.</summary>
public sealed record ClinicianDayAsOf(DoctorDayView Day, IReadOnlyList<DayBooking> Bookings);

/// <summary>Days and a patient's bookings as they stood at a past position of the log.</summary>
public interface IPastQueries
{
    Task<long> PositionAtAsync(DateTimeOffset moment, CancellationToken ct = default);
    Task<DateTimeOffset?> RecordedAtAsync(long position, CancellationToken ct = default);
    Task<DayAsOfView> DayAsync(DateOnly date, long position, IReadOnlyCollection<Guid> clinicians, CancellationToken ct = default);
    Task<IReadOnlyList<ClinicianDayAsOf>> DaysAsync(IReadOnlyList<(Guid Clinician, DateOnly Date)> days, long position, CancellationToken ct = default);
    Task<IReadOnlyList<PatientBooking>> PatientBookingsAsync(Guid patientId, long position, int limit, CancellationToken ct = default);
}
