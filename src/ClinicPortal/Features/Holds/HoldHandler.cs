using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Application.Queries;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Features.Holds;

/// <summary>
/// Holds: a time kept for the patient while they confirm (no one else is offered it), then confirmed into the booking
/// (every booking rule judged again), released, or given back by the practice's clock when it runs out.
/// </summary>
public sealed class HoldHandler(
    CommandExecutor executor, BookSlotsHandler book, IHoldQueries holds, IPracticeClock clock, IOptions<HoldOptions> options, IAccounts people)
{
    /// <summary>Holds <paramref name="slotIds"/> of <paramref name="visitTypeId"/> for the patient for <see cref="HoldOptions.HoldMinutes"/>.</summary>
    public async Task<Checked<HoldPlaced>> PlaceAsync(
        Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, Guid? visitTypeId = null, CancellationToken ct = default)
    {
        var command = await CommandAsync(patientId, slotIds, by, visitTypeId, options.Value.HoldFor, ct);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }

    /// <summary>The hold decision's command for <paramref name="holdFor"/> from now, with what a booking of the slots would know.</summary>
    public async Task<PlaceHold> CommandAsync(
        Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, Guid? visitTypeId, TimeSpan holdFor, CancellationToken ct = default)
    {
        var b = await book.CommandAsync(patientId, slotIds, by, visitTypeId, null, null, null, ct);
        return new PlaceHold(
            HoldId: Guid.CreateVersion7(), PatientId: patientId, SlotIds: slotIds, By: b.By, Now: b.Now, ExpiresAt: b.Now + holdFor,
            Date: b.Date, VisitTypeId: visitTypeId, KindOf: b.KindOf, RoomOf: b.RoomOf, RoomId: b.RoomId, Window: b.Window,
            Limits: options.Value.Limits, Accounts: b.Accounts);
    }

    /// <summary>Turns the hold into the booking, if it has not run out: 404 for anyone else's, <c>hold_expired</c> once it has.</summary>
    public async Task<Checked<SlotsBooked>> ConfirmAsync(Guid holdId, Actor by, string? reason = null, CancellationToken ct = default)
    {
        by = await people.SpeakingAsync(by, ct);
        if (await holds.FindAsync(holdId, ct) is not { } hold || !MaySee(hold, by))
            return Rejection.HoldNotFound;
        return await book.HandleAsync(hold.PatientId, hold.SlotIds, by, ct, hold.VisitTypeId, reason, holdId: holdId);
    }

    /// <summary>Lets the hold go at once (nothing happens to one already ended).</summary>
    public async Task<Checked<IReadOnlyList<HoldReleased>>> ReleaseAsync(Guid holdId, Actor by, CancellationToken ct = default)
    {
        by = await people.SpeakingAsync(by, ct);
        if (await holds.FindAsync(holdId, ct) is not { } hold || !MaySee(hold, by))
            return Rejection.HoldNotFound;
        return await executor.ExecuteAsync(new ReleaseHold(holdId, by, clock.Now), ct);
    }

    /// <summary>A patient's own holds and their dependants' (<paramref name="by"/> as <see cref="IAccounts.SpeakingAsync"/> gives it); staff any.</summary>
    public static bool MaySee(HoldView hold, Actor by) => by.IsStaff || (by.Role == Role.Patient && by.SpeaksFor(hold.PatientId));
}
