using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>What a person can book: one slot, or a slot and the one right after it with the same doctor.</summary>
public sealed record SlotOffer(Guid FirstSlotId, Guid? SecondSlotId, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public IReadOnlyList<Guid> SlotIds => SecondSlotId is { } second ? [FirstSlotId, second] : [FirstSlotId];

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartUtc < end && start < EndUtc;
}

public sealed record DoctorOffers(Guid DoctorId, string DoctorName, IReadOnlyList<SlotOffer> Offers);

/// <summary>A day's offers, and how many were left out because the patient already has a booking at that time.</summary>
public sealed record DayOffers(IReadOnlyList<DoctorOffers> Doctors, int HiddenForClashes)
{
    public static readonly DayOffers None = new([], 0);
}

/// <summary>A time the patient is already booked for.</summary>
public sealed record BusyTime(DateTimeOffset StartUtc, DateTimeOffset EndUtc);

public static class SlotOffers
{
    /// <summary>
    /// Each doctor's offers of the day, doctors by name, offers by start. A double slot is offered only where
    /// a free slot is followed, without a gap, by another free slot of the same doctor. A time at which the
    /// patient already has a booking is not offered at all (the practice would refuse it), and is counted.
    /// </summary>
    /// <param name="doctorNames">The clinicians taking bookings, by name; slots of anyone else (a deactivated doctor) are not offered.</param>
    /// <param name="slotsLeft">How many more slots the patient may hold this month: nothing is offered that needs more.</param>
    public static DayOffers For(
        IReadOnlyList<DoctorSlots> available, IReadOnlyDictionary<Guid, string> doctorNames, bool doubleSlot,
        IReadOnlyList<BusyTime>? patientBusy = null, int slotsLeft = int.MaxValue)
    {
        if (slotsLeft < (doubleSlot ? 2 : 1))
            return DayOffers.None;
        var busy = patientBusy ?? [];
        var hidden = 0;
        var doctors = available
            .Where(doctor => doctorNames.ContainsKey(doctor.DoctorId))
            .Select(doctor =>
            {
                var all = doubleSlot ? Doubles(doctor.Slots) : doctor.Slots.Select(s => new SlotOffer(s.SlotId, null, s.StartUtc, s.EndUtc)).ToArray();
                var free = all.Where(offer => !busy.Any(b => offer.Overlaps(b.StartUtc, b.EndUtc))).ToArray();
                hidden += all.Length - free.Length;
                return new DoctorOffers(doctor.DoctorId, doctorNames[doctor.DoctorId], free);
            })
            .Where(doctor => doctor.Offers.Count > 0)
            .OrderBy(doctor => doctor.DoctorName, StringComparer.CurrentCulture)
            .ToArray();
        return new DayOffers(doctors, hidden);
    }

    private static SlotOffer[] Doubles(IReadOnlyList<AvailableSlot> slots) =>
        slots.Zip(slots.Skip(1))
            .Where(pair => pair.First.EndUtc == pair.Second.StartUtc)
            .Select(pair => new SlotOffer(pair.First.SlotId, pair.Second.SlotId, pair.First.StartUtc, pair.Second.EndUtc))
            .ToArray();
}
