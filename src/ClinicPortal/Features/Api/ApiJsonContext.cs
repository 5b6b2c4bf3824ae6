using ClinicPortal.Features.Admin.Rooms;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.MyAppointments;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Reception.Patients;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ClinicPortal.Features.Api;

/// <summary>The answers the API writes, for the JSON source generator.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, UseStringEnumConverter = true)]
[JsonSerializable(typeof(IReadOnlyList<ClinicianSlotsDto>))]
[JsonSerializable(typeof(BookingDto))]
[JsonSerializable(typeof(IReadOnlyList<MyAppointmentDto>))]
[JsonSerializable(typeof(DayDto))]
[JsonSerializable(typeof(CancelledDayDto))]
[JsonSerializable(typeof(IReadOnlyList<VisitTypeDto>))]
[JsonSerializable(typeof(VisitTypeDto))]
[JsonSerializable(typeof(IReadOnlyList<ClinicianStartsDto>))]
[JsonSerializable(typeof(NextAvailableDto))]
[JsonSerializable(typeof(AppointmentDto))]
[JsonSerializable(typeof(IReadOnlyList<PatientDto>))]
[JsonSerializable(typeof(RoomDto))]
[JsonSerializable(typeof(IReadOnlyList<RoomDto>))]
[JsonSerializable(typeof(IReadOnlyList<ConflictDto>))]
[JsonSerializable(typeof(Booking.BookSeries.SeriesPlanDto))]
[JsonSerializable(typeof(Booking.BookSeries.SeriesDto))]
[JsonSerializable(typeof(Booking.BookSeries.SeriesCancelledDto))]
public sealed partial class ApiJsonContext : JsonSerializerContext;
