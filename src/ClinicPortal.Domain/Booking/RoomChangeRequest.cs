using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// The appointment; the rooms and every clinician's time in the room asked for that date (<see cref="DayToSchedule"/>,
/// its day unused); and the room's appointments with the visit type's definition (<see cref="BookingRequest"/>).
/// </summary>
public sealed record RoomChangeRequest(AppointmentState Appointment, DayToSchedule RoomTime, AppointmentToBook InRoom);
