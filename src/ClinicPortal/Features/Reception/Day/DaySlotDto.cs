namespace ClinicPortal.Features.Reception.Day;

public sealed record DaySlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, string State, Guid? BookingId, Guid? PatientId, string? PatientName, string? VisitOutcome);
