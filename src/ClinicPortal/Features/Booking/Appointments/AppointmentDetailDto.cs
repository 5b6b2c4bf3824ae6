using System.Text.Json.Serialization;
namespace ClinicPortal.Features.Booking.Appointments;

/// <summary>
/// An appointment whole, for staff and its own patient: a confirmed booking (<c>confirmed</c>, <c>cancelled</c>,
/// <c>arrived</c>, <c>no-show</c>) or a hold (<c>pending</c>, <c>expired</c>, or <c>cancelled</c> once let go), and its history.
/// </summary>
public sealed record AppointmentDetailDto(
    Guid AppointmentId, string Status, [property: JsonPropertyName("serviceId")] Guid VisitTypeId, Guid PatientId, IReadOnlyList<Guid> ClinicianIds, DateTimeOffset Start, DateTimeOffset End,
    Guid? RoomId, IReadOnlyList<Guid> SlotIds, IReadOnlyList<AppointmentHistoryDto> History, DateTimeOffset? ExpiresAt = null, [property: JsonPropertyName("bookingId")] Guid? ConfirmedAppointmentId = null);
