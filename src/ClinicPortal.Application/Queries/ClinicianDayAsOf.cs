namespace ClinicPortal.Application.Queries;

/// <summary>One clinician's day then: its slots (with who held each) and its bookings, live or cancelled by then.</summary>
public sealed record ClinicianDayAsOf(ClinicianDayView Day, IReadOnlyList<DayAppointment> Appointments);
