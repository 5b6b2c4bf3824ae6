using ClinicPortal.Features.Api;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>), as it always has.</remarks>
public sealed record ClinicianSlotsDto([property: JsonPropertyName("doctorId")] Guid ClinicianId, [property: JsonPropertyName("doctorName")] string ClinicianName, IReadOnlyList<SlotDto> Slots);
