using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Booking.BookSlots;

public sealed class BookSlotsHandler(
    CommandExecutor executor, IPracticeClock clock, IAccounts people, IScheduleQueries schedule, IRoomQueries rooms, IPracticeRules settings)
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
        return (await executor.ExecuteAsync(command, ct)).Single();
    }

    /// <summary>
    /// The booking decision's command, with what only the accounts and read models know (who the patient is and whether
    /// they and the slots' clinicians are active, the clinicians' kinds, the rooms): what a booking and a hold of the
    /// slots both ask. <paramref name="holdId"/>: the booking confirms that hold.
    /// </summary>
    public async Task<Domain.Booking.BookSlots> CommandAsync(
        Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, Guid? visitTypeId, string? reason, string? overrideReason, Guid? holdId, CancellationToken ct)
    {
        by = await people.SpeakingAsync(by, ct); // a patient books for themselves and for their dependants
        var patient = await people.StandingAsync(patientId, ct);
        // The slots' days say their clinicians and date; an unknown slot leaves it to the decision to say.
        var days = await schedule.DaysOfSlotsAsync(slotIds, ct);
        var accounts = new AccountFacts(
            IsPatient: patient.IsPatient, PatientIsActive: patient.IsActive,
            ClinicianDeactivated: await people.AnyDeactivatedAsync(days.Select(d => d.ClinicianId), ct));
        // The slots' date lets the decision read only the patient's month.
        return new Domain.Booking.BookSlots(
            AppointmentId: Guid.CreateVersion7(), PatientId: patientId, SlotIds: slotIds, By: by, Now: clock.Now, Date: days.Count > 0 ? days[0].Date : null,
            VisitTypeId: visitTypeId, Reason: reason, KindOf: await people.KindsAsync(ct), RoomOf: await rooms.LookupAsync(ct),
            OverrideReason: overrideReason, RoomId: await schedule.RoomOfSlotsAsync(slotIds, ct), HoldId: holdId,
            Window: settings.BookingWindow, Accounts: accounts);
    }
}
