using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class LeaveWaitDecider : IDecider<LeaveWait, ImmutableDictionary<Guid, WaitState>, WaitLeft>
{
    public static Query QueryFor(LeaveWait command) => WaitlistRules.QueryFor(command.PatientId);
    public static ImmutableDictionary<Guid, WaitState> Initial(LeaveWait command) => ImmutableDictionary<Guid, WaitState>.Empty;
    public static ImmutableDictionary<Guid, WaitState> Evolve(ImmutableDictionary<Guid, WaitState> state, IClinicEvent @event) => WaitlistRules.Evolve(state, @event);

    public static Checked<IReadOnlyList<WaitLeft>> Decide(LeaveWait command, ImmutableDictionary<Guid, WaitState> waits)
    {
        if (!waits.TryGetValue(command.WaitId, out var wait) || command.By.IsClinician || command.By.IsOtherPatientThan(wait.PatientId))
            return Rejection.WaitNotFound;
        if (!wait.IsOpen)
            return Array.Empty<WaitLeft>(); // ended already
        return new[] { new WaitLeft(wait.WaitId, wait.PatientId, wait.VisitTypeId, command.By.Name) };
    }
}
