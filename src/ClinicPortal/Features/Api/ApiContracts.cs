using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Api;

public sealed record SlotDto(Guid SlotId, DateTimeOffset Start, DateTimeOffset End);
public sealed record DoctorSlotsDto(Guid DoctorId, string DoctorName, IReadOnlyList<SlotDto> Slots);

public sealed record BookRequest(IReadOnlyList<Guid>? SlotIds, Guid? PatientId);
public sealed record BookingDto(Guid BookingId, Guid PatientId, Guid DoctorId, IReadOnlyList<SlotDto> Slots);
public sealed record MyBookingDto(
    Guid BookingId, Guid DoctorId, string DoctorName, DateOnly Date, DateTimeOffset Start, DateTimeOffset End, int SlotCount,
    Guid ServiceId, string ServiceName);

public sealed record PatientDto(Guid PatientId, string Name, string Email, string? Phone);

public sealed record ServiceDto(
    Guid ServiceId, string Name, string Description, int DurationMinutes, bool BookableOnline, IReadOnlyList<Guid> ClinicianIds,
    IReadOnlyList<ClinicPortal.Domain.ClinicianKind> ClinicianKinds, string Colour, string? RoomFeature,
    IReadOnlyList<ClinicPortal.Domain.VisitTypes.VisitPart>? Parts = null);

/// <summary>
/// The owner's visit type: who gives it by kind (doctor, nurse, counsellor) and/or by id, and the room feature it needs;
/// or, for a visit of several clinicians, its parts (<c>{kind, offsetMinutes, minutes}</c> each; its length is then theirs).
/// </summary>
public sealed record ServiceRequest(
    string? Name, string? Description, int? DurationMinutes, IReadOnlyList<ClinicPortal.Domain.ClinicianKind>? ClinicianKinds,
    IReadOnlyList<Guid>? ClinicianIds, bool? BookableOnline, string? Colour, string? RoomFeature = null,
    IReadOnlyList<ClinicPortal.Domain.VisitTypes.VisitPart>? Parts = null);

public sealed record RoomDto(Guid RoomId, string Name, IReadOnlyList<string> Features, bool InUse)
{
    public static RoomDto From(ClinicPortal.Domain.Rooms.Room room) => new(room.Id, room.Name, room.Features, room.InUse);
}

public sealed record RoomRequest(string? Name, IReadOnlyList<string>? Features, bool? InUse);

public sealed record StartDto(DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds);
public sealed record ClinicianStartsDto(Guid ClinicianId, string ClinicianName, ClinicPortal.Domain.ClinicianKind Kind, IReadOnlyList<StartDto> Starts);
public sealed record NextAvailableDto(DateOnly Date, IReadOnlyList<ClinicianStartsDto> Clinicians);

public sealed record MoveRequest(DateTimeOffset? Start, string? OverrideReason = null);
public sealed record AppointmentRequest(Guid? ServiceId, IReadOnlyList<Guid>? SlotIds, Guid? PatientId, string? Reason, string? OverrideReason = null);

/// <summary>An appointment; <paramref name="Parts"/> each clinician's part of it, <paramref name="Conflicts"/> its open conflicts.</summary>
public sealed record AppointmentDto(
    Guid AppointmentId, Guid ServiceId, Guid PatientId, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds,
    Guid? RoomId, IReadOnlyList<AppointmentPartDto>? Parts = null, IReadOnlyList<ConflictDto>? Conflicts = null);

/// <summary>One clinician's part of an appointment (today every appointment has one part: its clinician's, for its whole time).</summary>
public sealed record AppointmentPartDto(ClinicPortal.Domain.ClinicianKind Kind, Guid ClinicianId, DateTimeOffset Start, DateTimeOffset End, IReadOnlyList<Guid> SlotIds);

public sealed record ReassignRequest(Guid? ClinicianId);

/// <summary>One part of an appointment as staff set it: the clinician (by default the part's own), its start and end.</summary>
public sealed record PartRequest(Guid? ClinicianId, DateTimeOffset? Start, DateTimeOffset? End);

/// <summary>Put an appointment in another room: <c>{"roomId", "overrideReason"?}</c>.</summary>
public sealed record ChangeRoomRequest(Guid? RoomId, string? OverrideReason = null);

/// <summary>Someone who could take an appointment over: free for its whole time.</summary>
public sealed record ReassignSuggestionDto(Guid ClinicianId, string Name);

/// <summary>An open conflict: what clashes (<paramref name="Kind"/>), since when and who caused it, who overrode it and why, and who could take it over.</summary>
public sealed record ConflictDto(
    string ConflictId, string Kind, Guid AppointmentId, Guid? OtherAppointmentId, Guid PatientId, Guid ClinicianId, Guid? RoomId,
    DateTimeOffset Start, DateTimeOffset End, DateTimeOffset OpenedAt, string OpenedBy, string? OverrideBy, string? OverrideReason,
    IReadOnlyList<ReassignSuggestionDto> ReassignTo);

/// <summary>A block of a day, in the practice's local time, and the room it is in (none when left out).</summary>
public sealed record BlockDto(string? Start, string? End, Guid? RoomId = null);
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

/// <summary>Hold a time: its <c>slotIds</c> (with the <c>serviceId</c>, or today's single or double slot), or a <c>serviceId</c> and a <c>start</c>.</summary>
public sealed record HoldRequest(IReadOnlyList<Guid>? SlotIds, Guid? ServiceId, DateTimeOffset? Start, Guid? PatientId);

/// <summary>A hold placed: until when the time is kept, and its slots.</summary>
public sealed record HoldDto(Guid HoldId, DateTimeOffset ExpiresAt, IReadOnlyList<SlotDto> Slots);

/// <summary>
/// An appointment whole, for staff and its own patient: a confirmed booking (<c>confirmed</c>, <c>cancelled</c>,
/// <c>arrived</c>, <c>no-show</c>) or a hold (<c>pending</c>, <c>expired</c>, or <c>cancelled</c> once let go), and its history.
/// </summary>
public sealed record AppointmentDetailDto(
    Guid AppointmentId, string Status, Guid ServiceId, Guid PatientId, IReadOnlyList<Guid> ClinicianIds, DateTimeOffset Start, DateTimeOffset End,
    Guid? RoomId, IReadOnlyList<Guid> SlotIds, IReadOnlyList<AppointmentHistoryDto> History, DateTimeOffset? ExpiresAt = null, Guid? BookingId = null);

/// <summary>One change in an appointment's life: when, what (the event's type), and who.</summary>
public sealed record AppointmentHistoryDto(DateTimeOffset At, string Event, string By);

