using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

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
            return Rejection.VisitTypeNotBookableOnline;
        if (command.By.IsClinician || command.By.IsOtherPatientThan(command.PatientId))
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
