using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Api;

/// <summary>The answers the API writes, for the JSON source generator.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<ClinicianSlotsDto>))]
[JsonSerializable(typeof(BookingDto))]
[JsonSerializable(typeof(IReadOnlyList<MyBookingDto>))]
[JsonSerializable(typeof(DayDto))]
[JsonSerializable(typeof(CancelledDayDto))]
[JsonSerializable(typeof(IReadOnlyList<ServiceDto>))]
[JsonSerializable(typeof(ServiceDto))]
[JsonSerializable(typeof(IReadOnlyList<ClinicianStartsDto>))]
[JsonSerializable(typeof(NextAvailableDto))]
[JsonSerializable(typeof(AppointmentDto))]
[JsonSerializable(typeof(IReadOnlyList<PatientDto>))]
[JsonSerializable(typeof(RoomDto))]
[JsonSerializable(typeof(IReadOnlyList<RoomDto>))]
[JsonSerializable(typeof(IReadOnlyList<ConflictDto>))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
