using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Booking.MyBookings;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>), as it always has.</remarks>
public sealed record MyBookingDto(
    Guid BookingId, [property: JsonPropertyName("doctorId")] Guid ClinicianId, [property: JsonPropertyName("doctorName")] string ClinicianName, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, int SlotCount,
    [property: JsonPropertyName("serviceId")] Guid VisitTypeId, [property: JsonPropertyName("serviceName")] string VisitTypeName);
