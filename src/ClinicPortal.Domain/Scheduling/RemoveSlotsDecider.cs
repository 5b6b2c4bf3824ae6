using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

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

        var removed = command.SlotIds.Distinct().ToArray();
        var lost = new Dictionary<Guid, LostPart>();
        foreach (var slotId in removed)
        {
            if (!day.Slots.TryGetValue(slotId, out var slot))
                return Rejection.SlotNotFound;
            if (slot.StartUtc <= command.Now)
                return Rejection.SlotInPast;
            if (slot.HeldAt(command.Now))
                return Rejection.SlotHeld; // a patient is confirming it: it is theirs for those minutes
            foreach (var holder in slot.Holders.Where(holder => !lost.ContainsKey(holder)))
            {
                // A booked slot goes only with the clinician's whole part of a visit that others are in too.
                if (day.Bookings.GetValueOrDefault(holder) is not { Parts.Count: > 1 } shared
                    || shared.Parts.FirstOrDefault(p => p.ClinicianId == command.DoctorId) is not { } part
                    || !part.SlotIds.All(removed.Contains))
                    return Rejection.SlotAlreadyBooked;
                lost[holder] = new LostPart(holder, shared.PatientId, part.Kind, part.SlotIds);
            }
        }
        return new SlotsRemoved[]
        {
            new SlotsRemoved(command.DoctorId, command.Date, removed, day.RoomsOf(removed),
                lost.Count > 0 ? lost.Values.OrderBy(p => day.Slots[p.SlotIds[0]].StartUtc).ToArray() : null),
        };
    }
}
