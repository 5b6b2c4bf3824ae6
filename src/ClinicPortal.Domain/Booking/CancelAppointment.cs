namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Cancel one booking; its slots become available again. <paramref name="Window"/>: patients cancel online only until
/// the practice's cut-off before the start.
/// </summary>
public sealed record CancelAppointment(Guid AppointmentId, CancellationReason Reason, Actor By, DateTimeOffset Now, Policies.BookingWindow? Window = null) : ICommand<CancelAppointment, CancelAppointmentDecider, AppointmentState, AppointmentCancelled>;
