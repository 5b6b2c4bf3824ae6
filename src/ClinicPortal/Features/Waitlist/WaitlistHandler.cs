using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Holds;
using ClinicPortal.Application.Queries;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Features.Waitlist;

/// <summary>
/// The waiting list: a patient joins it for a visit type (optionally a clinician) and a range of days, and leaves it; when a
/// matching time frees, the first in line is offered it as a hold made for them (<see cref="OfferFreedAsync"/>).
/// </summary>
public sealed class WaitlistHandler(
    CommandExecutor executor, IWaitlistQueries waits, HoldHandler holdHandler, Availability availability,
    IVisitTypeQueries visitTypes, IPracticeRules settings, IPracticeClock clock, IOptions<WaitlistOptions> options, ILogger<WaitlistHandler> logger)
{
    /// <summary>How many freed times are tried for one wait before the next in line is offered one.</summary>
    private const int TriesPerWait = 5;

    public async Task<Checked<WaitJoined>> JoinAsync(
        Guid patientId, Guid visitTypeId, Guid? clinicianId, DateOnly from, DateOnly to, Actor by, CancellationToken ct = default)
    {
        var command = new JoinWait(Guid.CreateVersion7(), patientId, visitTypeId, clinicianId, from, to, by, clock.Now, clock.Today,
            settings.BookingWindow.MaxDaysAhead, await visitTypes.FindAsync(visitTypeId, ct));
        return (await executor.ExecuteAsync(command, ct)).Single();
    }

    /// <summary>Leaves the list; a time offered for the wait and still kept is let go then, so the next in line is offered it.</summary>
    public async Task<Checked<IReadOnlyList<WaitLeft>>> LeaveAsync(Guid waitId, Actor by, CancellationToken ct = default)
    {
        if (await waits.FindAsync(waitId, ct) is not { } wait || (by.Role == Role.Patient && by.Id != wait.PatientId) || by.IsClinician)
            return Rejection.WaitNotFound;
        var left = await executor.ExecuteAsync(
            new LeaveWait(waitId, wait.PatientId, by, clock.Now), ct);
        if (left.IsAccepted && wait.Offer is { } offer)
            await holdHandler.ReleaseAsync(offer.HoldId, by, ct);
        return left;
    }

    /// <summary>
    /// Offers the times free on <paramref name="date"/> to the waits for it, first in line first: each is offered the first
    /// matching time that every rule of a hold by the patient allows, for <see cref="WaitlistOptions.OfferMinutes"/>.
    /// Returns the holds made. Running it again offers nothing twice: a wait offered a time is no longer waiting.
    /// </summary>
    public async Task<IReadOnlyList<HoldPlaced>> OfferFreedAsync(DateOnly date, CancellationToken ct = default)
    {
        var offered = new List<HoldPlaced>();
        if (date < clock.Today)
            return offered;
        foreach (var wait in await waits.WaitingOnAsync(date, ct))
        {
            if (await visitTypes.FindAsync(wait.VisitTypeId, ct) is not { } visitType)
                continue;
            var free = await availability.DayAsync(visitType, date, byPatient: true, wait.ClinicianId, ct: ct);
            var starts = free.Clinicians.Where(d => wait.ClinicianId is not { } clinician || d.Clinicians.Contains(clinician))
                .SelectMany(d => d.Offers).OrderBy(o => o.StartUtc).Take(TriesPerWait);
            foreach (var start in starts)
            {
                var hold = await holdHandler.CommandAsync(wait.PatientId, start.SlotIds, Actor.Patient(wait.PatientId), wait.VisitTypeId, options.Value.OfferFor, ct);
                var made = await executor.ExecuteAsync(new OfferWait(wait.WaitId, hold, Actor.Waitlist), ct);
                if (made.IsAccepted)
                {
                    offered.Add(made.Value!.Single());
                    break;
                }
                logger.LogDebug("Offering {Start} to wait {Wait} was refused: {Rejection}", start.StartUtc, wait.WaitId, made.Rejection);
                if (made.Rejection is Rejection.WaitNotWaiting or Rejection.WaitNotFound or Rejection.TooManyHolds or Rejection.TooManyHoldsThatDay or Rejection.MonthlyLimitReached
                    or Rejection.PatientDeactivated or Rejection.NotAPatient)
                    break; // nothing on this day will do for this wait now
            }
        }
        return offered;
    }
}
