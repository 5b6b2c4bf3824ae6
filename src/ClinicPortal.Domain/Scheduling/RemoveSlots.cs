using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>Take unbooked future slots of a doctor's day back.</summary>
public sealed record RemoveSlots(Guid DoctorId, DateOnly Date, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now) : ICommand;

public sealed class RemoveSlotsDecider : IDecider<RemoveSlots, DoctorDay, SlotsRemoved>
{
    public static Query QueryFor(RemoveSlots command) => DoctorDay.QueryFor(command.DoctorId, command.Date);
    public static DoctorDay Initial(RemoveSlots command) => DoctorDay.Empty(command.DoctorId, command.Date);
    public static DoctorDay Evolve(DoctorDay state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<SlotsRemoved>> Decide(RemoveSlots command, DoctorDay day)
    {
        if (!command.By.MayManageDaysOf(command.DoctorId))
            return Rejection.NotYourDay;
        if (command.SlotIds.Count == 0)
            return Rejection.NoSlotsChosen;
        if (day.Cancelled)
            return Rejection.DayAlreadyCancelled;

        foreach (var slotId in command.SlotIds.Distinct())
        {
            if (!day.Slots.TryGetValue(slotId, out var slot))
                return Rejection.SlotNotFound;
            if (slot.BookingId is not null)
                return Rejection.SlotAlreadyBooked;
            if (slot.StartUtc <= command.Now)
                return Rejection.SlotInPast;
        }
        var removed = command.SlotIds.Distinct().ToArray();
        return new SlotsRemoved[] { new SlotsRemoved(command.DoctorId, command.Date, removed, day.RoomsOf(removed)) };
    }
}
