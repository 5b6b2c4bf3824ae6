using System.Text.Json.Serialization;
namespace ClinicPortal.Features.Booking.BookSlots;

public sealed record AppointmentRequest([property: JsonPropertyName("serviceId")] Guid? VisitTypeId, IReadOnlyList<Guid>? SlotIds, Guid? PatientId, string? Reason, string? OverrideReason = null);
