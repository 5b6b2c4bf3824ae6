using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Application.Queries;

/// <summary>
/// What the pages and handlers ask of the schedule (slots, days, bookings, a patient's month), answered by its read model
/// in sets. Nothing here decides; it shows what the log has made true.
/// </summary>
public interface IScheduleQueries
{
    Task<IReadOnlyList<ClinicianSlots>> AvailableSlotsAsync(DateOnly date, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<ClinicianSlots>> BookedSlotsAsync(DateOnly date, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<RoomTaken>> RoomsTakenAsync(DateOnly date, CancellationToken ct = default);
    Task<Guid?> RoomOfSlotsAsync(IReadOnlyList<Guid> slotIds, CancellationToken ct = default);
    Task<IReadOnlyList<(Guid ClinicianId, DateOnly Date)>> DaysOfSlotsAsync(IReadOnlyList<Guid> slotIds, CancellationToken ct = default);
    Task<IReadOnlyList<PatientAppointment>> FutureAppointmentsAsync(Guid patientId, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<PatientAppointment>> AppointmentsOfPatientAsync(Guid patientId, int limit, int offset, CancellationToken ct = default);
    Task<IReadOnlyList<PatientAppointment>> AppointmentsOfSlotAsync(Guid slotId, CancellationToken ct = default);
    Task<IReadOnlyList<Guid>> SlotIdsOfAsync(Guid bookingId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> SlotIdsOfAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, PatientAppointment>> AppointmentsAsync(IEnumerable<Guid> bookingIds, CancellationToken ct = default);
    Task<PatientAppointment?> AppointmentAsync(Guid bookingId, CancellationToken ct = default);
    Task<IReadOnlyList<PatientAppointment>> SeriesAppointmentsAsync(Guid seriesId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<string, int>> MonthlyUsagesAsync(Guid patientId, CancellationToken ct = default);
    Task<int> MonthlyUsageAsync(Guid patientId, string month, CancellationToken ct = default);
    Task<ClinicianDayView> ClinicianDayAsync(Guid clinicianId, DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<ClinicianDayView>> ClinicianDaysAsync(IReadOnlyList<(Guid ClinicianId, DateOnly Date)> wanted, CancellationToken ct = default);
    Task<IReadOnlyList<RoomTime>> RoomTimeAsync(DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<DayAppointment>> DayAppointmentsAsync(Guid clinicianId, DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<IReadOnlyList<DayAppointment>>> DayAppointmentsAsync(IReadOnlyList<(Guid ClinicianId, DateOnly Date)> wanted, CancellationToken ct = default);
    Task<IReadOnlyList<AppointmentPart>> PartsAsync(Guid bookingId, CancellationToken ct = default);
}
