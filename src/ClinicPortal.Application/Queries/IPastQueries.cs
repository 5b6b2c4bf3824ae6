namespace ClinicPortal.Application.Queries;

/// <summary>Days and a patient's bookings as they stood at a past position of the log.</summary>
public interface IPastQueries
{
    Task<long> PositionAtAsync(DateTimeOffset moment, CancellationToken ct = default);
    Task<DateTimeOffset?> RecordedAtAsync(long position, CancellationToken ct = default);
    Task<DayAsOfView> DayAsync(DateOnly date, long position, IReadOnlyCollection<Guid> clinicians, CancellationToken ct = default);
    Task<IReadOnlyList<ClinicianDayAsOf>> DaysAsync(IReadOnlyList<(Guid Clinician, DateOnly Date)> days, long position, CancellationToken ct = default);
    Task<IReadOnlyList<PatientAppointment>> PatientAppointmentsAsync(Guid patientId, long position, int limit, CancellationToken ct = default);
}
