using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Booking.MyAppointments;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>) and the appointment <c>bookingId</c>, as it always has.</remarks>
public sealed record MyAppointmentDto(
    [property: JsonPropertyName("bookingId")] Guid AppointmentId, [property: JsonPropertyName("doctorId")] Guid ClinicianId, [property: JsonPropertyName("doctorName")] string ClinicianName, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, int SlotCount,
    [property: JsonPropertyName("serviceId")] Guid VisitTypeId, [property: JsonPropertyName("serviceName")] string VisitTypeName);
