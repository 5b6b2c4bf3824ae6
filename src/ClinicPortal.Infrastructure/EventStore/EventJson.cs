using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicPortal.Domain;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>The log's event types, for the JSON source generator (a test checks it lists every type the log knows).</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(DayScheduled))]
[JsonSerializable(typeof(SlotsRemoved))]
[JsonSerializable(typeof(SlotsBooked))]
[JsonSerializable(typeof(AppointmentCancelled))]
[JsonSerializable(typeof(DayCancelled))]
[JsonSerializable(typeof(VisitMarked))]
[JsonSerializable(typeof(ClinicPortal.Domain.VisitTypes.VisitTypeDefined))]
[JsonSerializable(typeof(AppointmentMoved))]
[JsonSerializable(typeof(ClinicPortal.Domain.Rooms.RoomDefined))]
[JsonSerializable(typeof(ClinicPortal.Domain.Conflicts.ClinicianDeactivated))]
[JsonSerializable(typeof(ClinicPortal.Domain.Conflicts.ClinicianReactivated))]
[JsonSerializable(typeof(HoldPlaced))]
[JsonSerializable(typeof(HoldReleased))]
[JsonSerializable(typeof(HoldExpired))]
[JsonSerializable(typeof(ReminderSent))]
[JsonSerializable(typeof(WaitJoined))]
[JsonSerializable(typeof(WaitLeft))]
[JsonSerializable(typeof(PatientErased))]
public sealed partial class EventJson : JsonSerializerContext;
