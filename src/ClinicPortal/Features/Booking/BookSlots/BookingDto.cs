using ClinicPortal.Features.Api;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>) and the appointment <c>bookingId</c>, as it always has.</remarks>
public sealed record BookingDto([property: JsonPropertyName("bookingId")] Guid AppointmentId, Guid PatientId, [property: JsonPropertyName("doctorId")] Guid ClinicianId, IReadOnlyList<SlotDto> Slots);
