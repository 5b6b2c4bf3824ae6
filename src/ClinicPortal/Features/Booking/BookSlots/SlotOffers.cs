using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>What a person can book: one slot, or a slot and the one right after it with the same doctor.</summary>
public sealed record SlotOffer(Guid FirstSlotId, Guid? SecondSlotId, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public IReadOnlyList<Guid> SlotIds => SecondSlotId is { } second ? [FirstSlotId, second] : [FirstSlotId];
}

public sealed record DoctorOffers(Guid DoctorId, string DoctorName, IReadOnlyList<SlotOffer> Offers);

public static class SlotOffers
{
    /// <summary>
    /// Each doctor's offers of the day, doctors by name, offers by start. A double slot is offered only where
    /// a free slot is followed, without a gap, by another free slot of the same doctor.
    /// </summary>
    public static IReadOnlyList<DoctorOffers> For(IReadOnlyList<DoctorSlots> available, IReadOnlyDictionary<Guid, string> doctorNames, bool doubleSlot) =>
        available
            .Select(doctor => new DoctorOffers(
                doctor.DoctorId,
                doctorNames.GetValueOrDefault(doctor.DoctorId, "Doctor"),
                doubleSlot ? Doubles(doctor.Slots) : doctor.Slots.Select(s => new SlotOffer(s.SlotId, null, s.StartUtc, s.EndUtc)).ToArray()))
            .Where(doctor => doctor.Offers.Count > 0)
            .OrderBy(doctor => doctor.DoctorName, StringComparer.CurrentCulture)
            .ToArray();

    private static SlotOffer[] Doubles(IReadOnlyList<AvailableSlot> slots) =>
        slots.Zip(slots.Skip(1))
            .Where(pair => pair.First.EndUtc == pair.Second.StartUtc)
            .Select(pair => new SlotOffer(pair.First.SlotId, pair.Second.SlotId, pair.First.StartUtc, pair.Second.EndUtc))
            .ToArray();
}
