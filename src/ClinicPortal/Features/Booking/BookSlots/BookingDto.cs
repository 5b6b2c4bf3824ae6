using ClinicPortal.Features.Api;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>), as it always has.</remarks>
public sealed record BookingDto(Guid BookingId, Guid PatientId, [property: JsonPropertyName("doctorId")] Guid ClinicianId, IReadOnlyList<SlotDto> Slots);
