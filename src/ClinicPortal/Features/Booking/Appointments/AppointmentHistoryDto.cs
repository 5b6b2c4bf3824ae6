namespace ClinicPortal.Features.Booking.Appointments;

/// <summary>One change in an appointment's life: when, what (the event's type), and who.</summary>
public sealed record AppointmentHistoryDto(DateTimeOffset At, string Event, string By);
