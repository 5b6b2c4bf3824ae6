using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

/// <summary>The rules of the waiting list, and one patient's waits folded from their events and their offers' holds.</summary>
public static class WaitlistRules
{
    /// <summary>A patient keeps at most this many waits open at once.</summary>
    public const int MaxOpenPerPatient = 3;

    /// <summary>The patient's waits and the holds offered for them: every decision about a wait reads these.</summary>
    public static Query QueryFor(Guid patientId) => Query.Tagged(Tag.PatientWaits(patientId)).Or(Query.Tagged(Tag.PatientHolds(patientId)));

    public static ImmutableDictionary<Guid, WaitState> Evolve(ImmutableDictionary<Guid, WaitState> waits, IClinicEvent @event) => @event switch
    {
        WaitJoined e => waits.SetItem(e.WaitId, new WaitState(e.WaitId, e.PatientId, e.VisitTypeId, e.ClinicianId, e.From, e.To, WaitStatus.Waiting)),
        WaitLeft e when waits.TryGetValue(e.WaitId, out var wait) => waits.SetItem(e.WaitId, wait with { Status = WaitStatus.Left }),
        HoldPlaced { WaitId: { } id } e when waits.TryGetValue(id, out var wait) && wait.IsOpen =>
            waits.SetItem(id, wait with { Status = WaitStatus.Offered, OfferHoldId = e.HoldId }),
        SlotsBooked { HoldId: { } hold } => Offer(waits, hold, WaitStatus.Booked),
        HoldReleased e => Offer(waits, e.HoldId, WaitStatus.Missed),
        HoldExpired e => Offer(waits, e.HoldId, WaitStatus.Missed),
        _ => waits,
    };

    /// <summary>The offer of a wait ended: booked, or let go or run out (the wait ends then: the next in line is offered the time).</summary>
    private static ImmutableDictionary<Guid, WaitState> Offer(ImmutableDictionary<Guid, WaitState> waits, Guid holdId, WaitStatus status) =>
        waits.Values.FirstOrDefault(w => w.OfferHoldId == holdId && w.Status == WaitStatus.Offered) is { } wait
            ? waits.SetItem(wait.WaitId, wait with { Status = status })
            : waits;
}
