using ClinicPortal.Application;
using ClinicPortal.Domain;

namespace ClinicPortal.Features.Waitlist;

/// <summary>
/// The reaction that offers freed times to the waiting list: follows the log from its checkpoint, and for each day an
/// event freed time on (a cancellation, a move away, a new day, a hold let go or run out, an offer among them) has the
/// handler offer that day's free times to the waits for it, first in line first. A restart that reads part of the log
/// again offers nothing twice, since a wait offered a time is no longer waiting.
/// </summary>
public sealed class WaitlistOffers(
    IEventStore store, ICheckpoints checkpoints, WaitlistHandler waitlist, EventLogSignal signal, ReactionHealth health, IReactionLeases leases, ILogger<WaitlistOffers> logger)
    : LogReactor(store, checkpoints, signal, health, leases, logger)
{
    public const string Name = "waitlist";

    protected override string CheckpointName => Name;

    /// <summary>The days an event freed time on, if any.</summary>
    public static IEnumerable<DateOnly> FreedDays(IClinicEvent @event) => @event switch
    {
        AppointmentCancelled e => [e.Date],
        DayCancelled e when e.CancelledAppointments.Any(b => b.Parts is { Count: > 0 }) => [e.Date],
        AppointmentMoved { IsRoomChange: false } e when e.FromSlots[0].SlotId != e.ToSlots[0].SlotId => [e.FromDate],
        DayScheduled e => [e.Date],
        HoldReleased e => [e.Date],
        HoldExpired e => [e.Date],
        _ => [],
    };

    protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        var days = batch.SelectMany(stored => FreedDays(stored.Event)).Distinct().Order().ToArray();
        foreach (var day in days)
            await waitlist.OfferFreedAsync(day, ct);
        await Checkpoints.SaveAsync(Name, batch[^1].Position, ct);
    }
}
