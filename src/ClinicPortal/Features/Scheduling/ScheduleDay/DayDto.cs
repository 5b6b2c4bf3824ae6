using ClinicPortal.Features.Api;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

/// <remarks>The API's contract names the clinician <c>doctorId</c> (and <c>doctorName</c>), as it always has.</remarks>
public sealed record DayDto([property: JsonPropertyName("doctorId")] Guid ClinicianId, DateOnly Date, IReadOnlyList<SlotDto> Slots);
