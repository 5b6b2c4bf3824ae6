using System.Text.Json.Serialization;
using ClinicPortal.Features.Api;
namespace ClinicPortal.Features.Reception.CancelDay;

public sealed record CancelledAppointmentDto([property: JsonPropertyName("bookingId")] Guid AppointmentId, Guid PatientId, IReadOnlyList<SlotDto> Slots);
