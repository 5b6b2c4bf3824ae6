namespace ClinicPortal.Domain.Booking;

/// <summary>The booking being moved, and what a booking of the new slots would know.</summary>
public sealed record MoveRequest(AppointmentState Appointment, AppointmentToBook Target);
