using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public enum WaitStatus { Waiting, Offered, Booked, Missed, Left }

/// <summary>One wait as the decisions about it see it; <see cref="OfferHoldId"/> is the time offered for it, once it was.</summary>
public sealed record WaitState(
    Guid WaitId, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, WaitStatus Status, Guid? OfferHoldId = null)
{
    /// <summary>Still on the list: waiting, or offered a time not yet confirmed or run out.</summary>
    public bool IsOpen => Status is WaitStatus.Waiting or WaitStatus.Offered;

    public bool Covers(DateOnly date) => From <= date && date <= To;

    public bool Overlaps(WaitJoined other) =>
        VisitTypeId == other.VisitTypeId && ClinicianId == other.ClinicianId && From <= other.To && other.From <= To;
}

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

/// <summary>
/// Put the patient on the waiting list for <paramref name="VisitTypeId"/> (with <paramref name="ClinicianId"/>, or anyone)
/// on a day from <paramref name="From"/> to <paramref name="To"/>: from <paramref name="Today"/> on, and at most
/// <paramref name="MaxDaysAhead"/> ahead (as far as patients book). <paramref name="VisitType"/> is the visit type's
/// definition as the catalogue has it (none: there is no such visit type); a patient waits only for one booked online.
/// </summary>
public sealed record JoinWait(
    Guid WaitId, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, Actor By, DateTimeOffset Now, DateOnly Today,
    int MaxDaysAhead, VisitTypes.VisitType? VisitType) : ICommand<JoinWait, JoinWaitDecider, ImmutableDictionary<Guid, WaitState>, WaitJoined>;

public sealed class JoinWaitDecider : IDecider<JoinWait, ImmutableDictionary<Guid, WaitState>, WaitJoined>
{
    public static Query QueryFor(JoinWait command) => WaitlistRules.QueryFor(command.PatientId);
    public static ImmutableDictionary<Guid, WaitState> Initial(JoinWait command) => ImmutableDictionary<Guid, WaitState>.Empty;
    public static ImmutableDictionary<Guid, WaitState> Evolve(ImmutableDictionary<Guid, WaitState> state, IClinicEvent @event) => WaitlistRules.Evolve(state, @event);

    public static Checked<IReadOnlyList<WaitJoined>> Decide(JoinWait command, ImmutableDictionary<Guid, WaitState> waits)
    {
        if (command.VisitType?.Id != command.VisitTypeId)
            return Rejection.VisitTypeNotFound;
        if (command.By.Role == Role.Patient && !command.VisitType.BookableOnline)
            return Rejection.ServiceNotBookableOnline;
        if (command.By.IsClinician || (command.By.Role == Role.Patient && command.By.Id != command.PatientId))
            return Rejection.NotAllowed;
        if (command.From > command.To || command.From < command.Today || command.To > command.Today.AddDays(command.MaxDaysAhead))
            return Rejection.WaitDatesInvalid;
        var joined = new WaitJoined(command.WaitId, command.PatientId, command.VisitTypeId, command.ClinicianId, command.From, command.To, command.By.Name);
        // Waits whose days have all passed are over, whatever they were.
        var open = waits.Values.Where(w => w.IsOpen && w.To >= command.Today).ToArray();
        if (open.Any(w => w.Overlaps(joined)))
            return Rejection.AlreadyWaiting;
        if (open.Length >= WaitlistRules.MaxOpenPerPatient)
            return Rejection.TooManyWaits;
        return new[] { joined };
    }
}

/// <summary>The patient (or staff for them) leaves the waiting list. A time offered and still kept is let go separately.</summary>
public sealed record LeaveWait(Guid WaitId, Guid PatientId, Actor By, DateTimeOffset Now) : ICommand<LeaveWait, LeaveWaitDecider, ImmutableDictionary<Guid, WaitState>, WaitLeft>;

public sealed class LeaveWaitDecider : IDecider<LeaveWait, ImmutableDictionary<Guid, WaitState>, WaitLeft>
{
    public static Query QueryFor(LeaveWait command) => WaitlistRules.QueryFor(command.PatientId);
    public static ImmutableDictionary<Guid, WaitState> Initial(LeaveWait command) => ImmutableDictionary<Guid, WaitState>.Empty;
    public static ImmutableDictionary<Guid, WaitState> Evolve(ImmutableDictionary<Guid, WaitState> state, IClinicEvent @event) => WaitlistRules.Evolve(state, @event);

    public static Checked<IReadOnlyList<WaitLeft>> Decide(LeaveWait command, ImmutableDictionary<Guid, WaitState> waits)
    {
        if (!waits.TryGetValue(command.WaitId, out var wait) || command.By.IsClinician || (command.By.Role == Role.Patient && command.By.Id != wait.PatientId))
            return Rejection.WaitNotFound;
        if (!wait.IsOpen)
            return Array.Empty<WaitLeft>(); // ended already
        return new[] { new WaitLeft(wait.WaitId, wait.PatientId, wait.VisitTypeId, command.By.Name) };
    }
}

/// <summary>
/// The waiting list offers a freed time to a wait: a hold of it for the patient until <see cref="PlaceHold.ExpiresAt"/>,
/// judged by every rule a hold the patient placed would be (<see cref="Hold"/>, whose actor is the patient), made only
/// while the wait is waiting and covers the day. <paramref name="By"/> is the waiting list.
/// </summary>
public sealed record OfferWait(Guid WaitId, PlaceHold Hold, Actor By) : ICommand<OfferWait, OfferWaitDecider, OfferState, HoldPlaced>
{
    public DateTimeOffset Now => Hold.Now;
}

/// <summary>What an offer reads: the hold's facts, and the patient's waits.</summary>
public sealed record OfferState(BookingRequest Booking, ImmutableDictionary<Guid, WaitState> Waits);

public sealed class OfferWaitDecider : IDecider<OfferWait, OfferState, HoldPlaced>
{
    public static Query QueryFor(OfferWait command) => PlaceHoldDecider.QueryFor(command.Hold).Or(WaitlistRules.QueryFor(command.Hold.PatientId));

    public static OfferState Initial(OfferWait command) => new(PlaceHoldDecider.Initial(command.Hold), ImmutableDictionary<Guid, WaitState>.Empty);

    public static OfferState Evolve(OfferState state, IClinicEvent @event) =>
        new(PlaceHoldDecider.Evolve(state.Booking, @event), WaitlistRules.Evolve(state.Waits, @event));

    public static Checked<IReadOnlyList<HoldPlaced>> Decide(OfferWait command, OfferState state)
    {
        if (command.By.Role != Role.System || command.Hold.By != Actor.Patient(command.Hold.PatientId))
            return Rejection.NotAllowed;
        if (!state.Waits.TryGetValue(command.WaitId, out var wait) || wait.PatientId != command.Hold.PatientId)
            return Rejection.WaitNotFound;
        if (wait.Status != WaitStatus.Waiting || command.Hold.Date is not { } date || !wait.Covers(date) || command.Hold.VisitTypeId != wait.VisitTypeId)
            return Rejection.WaitNotWaiting;
        var held = PlaceHoldDecider.Decide(command.Hold, state.Booking);
        if (!held.IsAccepted)
            return held.Rejection!.Value;
        var placed = held.Value!.Single();
        if (wait.ClinicianId is { } clinician && !placed.Clinicians.Contains(clinician))
            return Rejection.WaitNotWaiting;
        return new[] { placed with { WaitId = wait.WaitId, By = command.By.Name } };
    }
}
