using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class ExpireHoldDecider : IDecider<ExpireHold, HoldState?, HoldExpired>
{
    public static Query QueryFor(ExpireHold command) => Query.Tagged(Tag.Hold(command.HoldId));
    public static HoldState? Initial(ExpireHold command) => null;
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => HoldState.Evolve(state, @event);

    /// <summary>Once: a hold confirmed, released or expired already gives nothing; one not yet due is left alone.</summary>
    public static Checked<IReadOnlyList<HoldExpired>> Decide(ExpireHold command, HoldState? hold)
    {
        if (command.By.Role != Role.System)
            return Rejection.NotAllowed;
        if (hold is not { Status: HoldStatus.Pending } || command.Now < hold.ExpiresAt)
            return Array.Empty<HoldExpired>();
        return new[] { new HoldExpired(hold.HoldId, hold.PatientId, hold.ClinicianId, hold.Date, hold.Slots, hold.ExpiresAt, hold.Parts, hold.RoomId) };
    }
}
