using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Booking.MoveAppointment;

public sealed class MoveAppointmentHandler(
    CommandExecutor executor, IPracticeClock clock, IAccounts people, IScheduleQueries schedule, IRoomQueries rooms, IPracticeRules settings)
{
    /// <summary>The booking staff ask to change (reassign, change its parts): there, and not cancelled; never a patient's to ask.</summary>
    public async Task<Checked<PatientAppointment>> ForStaffAsync(Guid bookingId, Actor by, CancellationToken ct = default)
    {
        if (!by.IsStaff)
            return Rejection.NotAllowed;
        if (await schedule.AppointmentAsync(bookingId, ct) is not { } booking)
            return Rejection.AppointmentNotFound;
        if (booking.Cancelled is not null)
            return Rejection.AppointmentAlreadyCancelled;
        return booking;
    }

    /// <summary>
    /// Moves a booking to <paramref name="slotIds"/>: patients their own, staff any (the decider says who may); staff over
    /// the patient's other appointment then, with <paramref name="overrideReason"/>; staff with new parts,
    /// <paramref name="shape"/> (see <see cref="Domain.Booking.MoveBooking.Shape"/>).
    /// </summary>
    public async Task<Checked<AppointmentMoved>> HandleAsync(
        Guid bookingId, IReadOnlyList<Guid> slotIds, Actor by, CancellationToken ct = default, string? overrideReason = null,
        IReadOnlyList<Domain.VisitTypes.VisitPart>? shape = null)
    {
        if (await schedule.AppointmentAsync(bookingId, ct) is not { } booking)
            return Rejection.AppointmentNotFound;
        by = await people.SpeakingAsync(by, ct); // a patient moves their own and their dependants'
        var days = await schedule.DaysOfSlotsAsync(slotIds, ct);
        var command = new Domain.Booking.MoveAppointment(
            AppointmentId: bookingId, PatientId: booking.PatientId, VisitTypeId: booking.VisitTypeId, SlotIds: slotIds, By: by, Now: clock.Now,
            Date: days.Count > 0 ? days[0].Date : null, KindOf: await people.KindsAsync(ct), RoomOf: await rooms.LookupAsync(ct),
            OverrideReason: overrideReason, Shape: shape,
            RoomId: shape is not null && booking.RoomId is { } kept ? kept : await schedule.RoomOfSlotsAsync(slotIds, ct),
            Window: settings.BookingWindow,
            ToClinicianNotTakingBookings: await people.AnyDeactivatedAsync(days.Select(d => d.ClinicianId), ct));
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
