using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Booking.ChangeRoom;

/// <summary>Staff put an appointment in another room, at its time with its clinicians; the patient is emailed the room.</summary>
public sealed class ChangeRoomHandler(CommandExecutor executor, IPracticeClock clock, IScheduleQueries schedule)
{
    /// <summary>
    /// Puts the booking in <paramref name="roomId"/>; with <paramref name="overrideReason"/>, even over another appointment
    /// in that room then (see <see cref="Domain.Booking.ChangeRoom"/>).
    /// </summary>
    public async Task<Checked<AppointmentMoved>> HandleAsync(Guid bookingId, Guid roomId, Actor by, string? overrideReason = null, CancellationToken ct = default)
    {
        if (!by.IsStaff)
            return Rejection.NotAllowed;
        if (await schedule.AppointmentAsync(bookingId, ct) is not { } booking)
            return Rejection.AppointmentNotFound;
        var command = new Domain.Booking.ChangeRoom(bookingId, booking.PatientId, booking.VisitTypeId, booking.Date, roomId, by, clock.Now, overrideReason);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
