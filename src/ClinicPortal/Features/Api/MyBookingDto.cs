namespace ClinicPortal.Features.Api;

public sealed record MyBookingDto(
    Guid BookingId, Guid DoctorId, string DoctorName, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, int SlotCount,
    Guid ServiceId, string ServiceName);
