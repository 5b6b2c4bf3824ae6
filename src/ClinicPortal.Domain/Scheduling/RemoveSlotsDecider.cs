using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

public sealed class RemoveSlotsDecider : IDecider<RemoveSlots, ClinicianDay, SlotsRemoved>
{
    public static Query QueryFor(RemoveSlots command) => ClinicianDay.QueryFor(command.ClinicianId, command.Date);
    public static ClinicianDay Initial(RemoveSlots command) => ClinicianDay.Empty(command.ClinicianId, command.Date);
    public static ClinicianDay Evolve(ClinicianDay state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<SlotsRemoved>> Decide(RemoveSlots command, ClinicianDay day)
    {
        if (!command.By.MayManageDaysOf(command.ClinicianId))
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
                if (day.Appointments.GetValueOrDefault(holder) is not { Parts.Count: > 1 } shared
                    || shared.Parts.FirstOrDefault(p => p.ClinicianId == command.ClinicianId) is not { } part
                    || !part.SlotIds.All(removed.Contains))
                    return Rejection.SlotAlreadyBooked;
                lost[holder] = new LostPart(holder, shared.PatientId, part.Kind, part.SlotIds);
            }
        }
        return new SlotsRemoved[]
        {
            new SlotsRemoved(command.ClinicianId, command.Date, removed, day.RoomsOf(removed),
                lost.Count > 0 ? lost.Values.OrderBy(p => day.Slots[p.SlotIds[0]].StartUtc).ToArray() : null),
        };
    }
}
