using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class OfferWaitDecider : IDecider<OfferWait, OfferState, HoldPlaced>
{
    public static Query QueryFor(OfferWait command) => PlaceHoldDecider.QueryFor(command.Hold).Or(WaitlistRules.QueryFor(command.Hold.PatientId));

    public static OfferState Initial(OfferWait command) => new(PlaceHoldDecider.Initial(command.Hold), ImmutableDictionary<Guid, WaitState>.Empty);

    public static OfferState Evolve(OfferState state, IClinicEvent @event) =>
        new(PlaceHoldDecider.Evolve(state.Appointment, @event), WaitlistRules.Evolve(state.Waits, @event));

    public static Checked<IReadOnlyList<HoldPlaced>> Decide(OfferWait command, OfferState state)
    {
        if (command.By.Role != Role.System || command.Hold.By != Actor.Patient(command.Hold.PatientId))
            return Rejection.NotAllowed;
        if (!state.Waits.TryGetValue(command.WaitId, out var wait) || wait.PatientId != command.Hold.PatientId)
            return Rejection.WaitNotFound;
        if (wait.Status != WaitStatus.Waiting || command.Hold.Date is not { } date || !wait.Covers(date) || command.Hold.VisitTypeId != wait.VisitTypeId)
            return Rejection.WaitNotWaiting;
        var held = PlaceHoldDecider.Decide(command.Hold, state.Appointment);
        if (!held.IsAccepted)
            return held.Rejection!.Value;
        var placed = held.Value!.Single();
        if (wait.ClinicianId is { } clinician && !placed.Clinicians.Contains(clinician))
            return Rejection.WaitNotWaiting;
        return new[] { placed with { WaitId = wait.WaitId, By = command.By.Name } };
    }
}
