using System.Text.Json.Serialization;
namespace ClinicPortal.Features.Reception.Day;

public sealed record DaySlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End, string State, [property: JsonPropertyName("bookingId")] Guid? AppointmentId, Guid? PatientId, string? PatientName, string? VisitOutcome);
