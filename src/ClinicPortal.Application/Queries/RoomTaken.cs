using ClinicPortal.Domain.Booking;

namespace ClinicPortal.Application.Queries;

/// <summary>The time of a room an appointment holds (<see cref="RoomSpan"/>), and which appointment it is.</summary>
public sealed record RoomTaken(Guid AppointmentId, RoomSpan Time);
