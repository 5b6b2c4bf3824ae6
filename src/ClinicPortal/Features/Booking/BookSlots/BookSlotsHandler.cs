using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Booking.BookSlots;

public sealed class BookSlotsHandler(
    CommandExecutor executor, PracticeClock clock, PeopleDirectory people, ScheduleReadModel schedule, RoomsReadModel rooms, PracticeSettings settings)
{
    /// <summary>
    /// Books a visit type (<paramref name="visitTypeId"/>) in its run of slots, or, without one, today's single or
    /// double slot (a Consultation or a Long consultation). Staff may book over the patient's other appointment at that
    /// time, or another appointment in the room then, by giving <paramref name="overrideReason"/>; the clash then goes on
    /// the conflicts desk.
    /// </summary>
    public async Task<Checked<SlotsBooked>> HandleAsync(
        Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, CancellationToken ct = default, Guid? visitTypeId = null, string? reason = null,
        string? overrideReason = null, Guid? holdId = null)
    {
        var command = await CommandAsync(patientId, slotIds, by, visitTypeId, reason, overrideReason, holdId, ct);
        if (!command.IsAccepted)
            return command.Rejection!.Value;
        return (await executor.ExecuteAsync(command.Value!, ct)).Single();
    }

    /// <summary>
    /// The booking decision's command, with what only the accounts and read models know (who the patient is, the
    /// clinicians' kinds, the rooms), or why there is nothing to decide: what a booking and a hold of the slots both ask.
    /// <paramref name="holdId"/>: the booking confirms that hold.
    /// </summary>
    public async Task<Checked<Domain.Booking.BookSlots>> CommandAsync(
        Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, Guid? visitTypeId, string? reason, string? overrideReason, Guid? holdId, CancellationToken ct)
    {
        // Staff book for a patient on the phone; nobody else can hold a booking (a doctor, the owner, staff themselves),
        // nor a patient whose account staff have deactivated.
        var patient = await people.StandingAsync(patientId, ct);
        if (!patient.IsPatient && by.IsStaff)
            return Rejection.NotAPatient;
        if (patient is { IsPatient: true, IsActive: false })
            return Rejection.PatientDeactivated;
        // A deactivated clinician takes no new bookings from the moment of deactivation. (Checked against the accounts,
        // before deciding: the slots say which clinician only once read, and a clinician deactivated before deactivation was
        // logged has no event to find.)
        var days = await schedule.DaysOfSlotsAsync(slotIds, ct);
        if (await people.AnyDeactivatedAsync(days.Select(d => d.DoctorId), ct))
            return Rejection.ClinicianNotTakingBookings;
        var now = clock.Now;
        // The slots' date lets the decision read only the patient's month; an unknown slot leaves it to the decision to say.
        return new Domain.Booking.BookSlots(
            BookingId: Guid.CreateVersion7(), PatientId: patientId, SlotIds: slotIds, By: by, Now: now, Date: days.Count > 0 ? days[0].Date : null,
            VisitTypeId: visitTypeId, Reason: reason, KindOf: await people.KindsAsync(ct), RoomOf: await rooms.LookupAsync(ct),
            OverrideReason: overrideReason, RoomId: await schedule.RoomOfSlotsAsync(slotIds, ct), HoldId: holdId,
            Window: settings.Current.BookingWindow);
    }
}
