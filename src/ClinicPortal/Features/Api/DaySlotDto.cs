namespace ClinicPortal.Features.Api;

public sealed record DaySlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, string State, Guid? BookingId, Guid? PatientId, string? PatientName, string? VisitOutcome);
