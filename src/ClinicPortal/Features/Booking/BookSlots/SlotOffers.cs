using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>A time a visit type can start: its run of one clinician's adjacent free slots.</summary>
public sealed record SlotOffer(IReadOnlyList<Guid> SlotIds, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public Guid FirstSlotId => SlotIds[0];

    /// <summary>Equal when they take the same slots: the slot list keeps a button's handler for the same offer across reloads.</summary>
    public bool Equals(SlotOffer? other) => other is not null && StartUtc == other.StartUtc && EndUtc == other.EndUtc && SlotIds.SequenceEqual(other.SlotIds);

    public override int GetHashCode() => HashCode.Combine(SlotIds[0], StartUtc, EndUtc);

    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartUtc < end && start < EndUtc;
}

/// <summary>One clinician's offers of a day. (Named for doctors, as the log's <c>doctorId</c> is; every kind of clinician has them.)</summary>
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
    /// Each clinician's starts of <paramref name="visitType"/> on the day, clinicians by name, starts by time: wherever
    /// as many free slots as the visit takes follow each other without a gap, each open to it (time kept for staff is
    /// offered to staff only, time kept for other visit types not at all), in one room (or none), a room the visit fits
    /// in. Only clinicians who give the visit type are asked. A start at which the patient already has a booking is not
    /// offered (the practice would refuse it), and is counted.
    /// </summary>
    /// <param name="clinicianNames">The clinicians taking bookings, by name; slots of anyone else (a deactivated clinician) are not offered.</param>
    /// <param name="kindOf">Each clinician's kind; without it, every clinician is a doctor.</param>
    /// <param name="slotsLeft">How many more slots the patient may hold this month: nothing is offered that needs more.</param>
    /// <param name="roomOf">Each room by id; without it no room has any feature.</param>
    public static DayOffers For(
        IReadOnlyList<DoctorSlots> available, IReadOnlyDictionary<Guid, string> clinicianNames, VisitType visitType, bool byPatient,
        IReadOnlyList<BusyTime>? patientBusy = null, int slotsLeft = int.MaxValue, Func<Guid, ClinicianKind?>? kindOf = null,
        Func<Guid, Room?>? roomOf = null)
    {
        if (slotsLeft < visitType.Slots)
            return DayOffers.None;
        var busy = patientBusy ?? [];
        var hidden = 0;
        var doctors = available
            .Where(doctor => clinicianNames.ContainsKey(doctor.DoctorId)
                && visitType.IsGivenBy(doctor.DoctorId, kindOf?.Invoke(doctor.DoctorId)))
            .Select(doctor =>
            {
                var all = Runs(doctor.Slots, visitType, byPatient, roomOf);
                var free = all.Where(offer => !busy.Any(b => offer.Overlaps(b.StartUtc, b.EndUtc))).ToArray();
                hidden += all.Count - free.Length;
                return new DoctorOffers(doctor.DoctorId, clinicianNames[doctor.DoctorId], free);
            })
            .Where(doctor => doctor.Offers.Count > 0)
            .OrderBy(doctor => doctor.DoctorName, StringComparer.CurrentCulture)
            .ToArray();
        return new DayOffers(doctors, hidden);
    }

    /// <summary>Every start of a run of <see cref="VisitType.Slots"/> adjacent slots of one room open to the visit type (slots ordered by start).</summary>
    private static List<SlotOffer> Runs(IReadOnlyList<AvailableSlot> slots, VisitType visitType, bool byPatient, Func<Guid, Room?>? roomOf)
    {
        var length = visitType.Slots;
        var runs = new List<SlotOffer>();
        var runStart = 0; // the first slot of the current unbroken run of open, adjacent slots
        for (var i = 0; i < slots.Count; i++)
        {
            if (!slots[i].Allows(visitType.Id, byPatient) || !visitType.FitsIn(slots[i].RoomId is { } room ? roomOf?.Invoke(room) : null))
            {
                runStart = i + 1;
                continue;
            }
            if (i > runStart && (slots[i - 1].EndUtc != slots[i].StartUtc || slots[i - 1].RoomId != slots[i].RoomId))
                runStart = i;
            if (i - runStart + 1 >= length)
            {
                var first = i - length + 1;
                runs.Add(new SlotOffer(
                    Enumerable.Range(first, length).Select(k => slots[k].SlotId).ToArray(), slots[first].StartUtc, slots[i].EndUtc));
            }
        }
        return runs;
    }
}
