namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>A time the patient is already booked for.</summary>
public sealed record BusyTime(DateTimeOffset StartUtc, DateTimeOffset EndUtc);
