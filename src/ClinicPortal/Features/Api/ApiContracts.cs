using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Api;

public sealed record SlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End);
public sealed record DoctorSlotsDto(Guid DoctorId, string DoctorName, IReadOnlyList<SlotDto> Slots);

public sealed record BookRequest(IReadOnlyList<Guid>? SlotIds, Guid? PatientId);
public sealed record BookingDto(Guid BookingId, Guid PatientId, Guid DoctorId, IReadOnlyList<SlotDto> Slots);
public sealed record MyBookingDto(Guid BookingId, Guid DoctorId, string DoctorName, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, int SlotCount);

public sealed record BlockDto(string? Start, string? End);
public sealed record ScheduleDayRequest(string? Date, IReadOnlyList<BlockDto>? Blocks);
public sealed record DayDto(Guid DoctorId, DateOnly Date, IReadOnlyList<SlotDto> Slots);

public sealed record CancelDayRequest(string? Reason);
public sealed record CancelledBookingDto(Guid BookingId, Guid PatientId, IReadOnlyList<SlotDto> Slots);
public sealed record CancelledDayDto(Guid DoctorId, DateOnly Date, string Reason, IReadOnlyList<CancelledBookingDto> CancelledBookings);

/// <summary>The answers the API writes, for the JSON source generator.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<DoctorSlotsDto>))]
[JsonSerializable(typeof(BookingDto))]
[JsonSerializable(typeof(IReadOnlyList<MyBookingDto>))]
[JsonSerializable(typeof(DayDto))]
[JsonSerializable(typeof(CancelledDayDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
