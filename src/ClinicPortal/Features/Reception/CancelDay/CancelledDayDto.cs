using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Reception.CancelDay;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>) and the appointment <c>bookingId</c>, as it always has.</remarks>
public sealed record CancelledDayDto([property: JsonPropertyName("doctorId")] Guid ClinicianId, DateOnly Date, string Reason, [property: JsonPropertyName("cancelledBookings")] IReadOnlyList<CancelledAppointmentDto> CancelledAppointments);
