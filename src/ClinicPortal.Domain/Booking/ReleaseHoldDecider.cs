using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class ReleaseHoldDecider : IDecider<ReleaseHold, HoldState?, HoldReleased>
{
    public static Query QueryFor(ReleaseHold command) => Query.Tagged(Tag.Hold(command.HoldId));
    public static HoldState? Initial(ReleaseHold command) => null;
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => HoldState.Evolve(state, @event);

    public static Checked<IReadOnlyList<HoldReleased>> Decide(ReleaseHold command, HoldState? hold)
    {
        if (hold is null || command.By.IsOtherPatientThan(hold.PatientId) || command.By.IsClinician)
            return Rejection.HoldNotFound;
        if (hold.Status != HoldStatus.Pending || command.Now >= hold.ExpiresAt)
            return Array.Empty<HoldReleased>(); // ended (or ending) already: nothing more to give back
        return new[] { new HoldReleased(hold.HoldId, hold.PatientId, hold.ClinicianId, hold.Date, hold.Slots, command.By.Name, hold.Parts, hold.RoomId, command.Now) };
    }
}
