using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Booking.BookSlots;

public static class SlotOffers
{
    /// <summary>
    /// Each clinician's starts of <paramref name="visitType"/> on the day, clinicians by name, starts by time: wherever
    /// as many free slots as the visit takes follow each other without a gap, each open to it (time kept for staff is
    /// offered to staff only, time kept for other visit types not at all), in one room (or none), a room the visit fits
    /// in. Only clinicians who give the visit type are asked; a visit of several clinicians is offered per team (see
    /// <see cref="Teams"/>). A start at which the patient already has a booking is not
    /// offered (the practice would refuse it), and is counted; so is one in a room another appointment holds for some of
    /// the visit's time (<paramref name="roomTaken"/>), unless <paramref name="clashes"/> asks to see those (staff, to
    /// book over the clash): it is then offered and marked. Booked slots in <paramref name="available"/> (which only staff
    /// asking to see clashes read) make a start marked as the clinician's clash.
    /// </summary>
    /// <param name="clinicianNames">The clinicians taking bookings, by name; slots of anyone else (a deactivated clinician) are not offered.</param>
    /// <param name="kindOf">Each clinician's kind; without it, every clinician is a clinician.</param>
    /// <param name="slotsLeft">How many more slots the patient may hold this month: nothing is offered that needs more.</param>
    /// <param name="roomOf">Each room by id; without it no room has any feature.</param>
    public static DayOffers For(
        IReadOnlyList<ClinicianSlots> available, IReadOnlyDictionary<Guid, string> clinicianNames, VisitType visitType, bool byPatient,
        IReadOnlyList<BusyTime>? patientBusy = null, int slotsLeft = int.MaxValue, Func<Guid, ClinicianKind?>? kindOf = null,
        Func<Guid, Room?>? roomOf = null, IReadOnlyList<RoomTaken>? roomTaken = null, bool clashes = false)
    {
        if (slotsLeft < visitType.Slots)
            return DayOffers.None;
        var busy = patientBusy ?? [];
        var taken = roomTaken ?? [];
        var (hidden, hiddenForRoom) = (0, 0);
        var booked = available.SelectMany(clinician => clinician.Slots).Where(slot => slot.HeldBy is not null).Select(slot => slot.SlotId).ToHashSet();
        IReadOnlyList<ClinicianOffers> Free(IEnumerable<ClinicianOffers> all) => all
            .Select(clinician =>
            {
                // The patient's own appointments then: hidden, or (for staff who asked to see clashes) offered marked.
                var own = clinician.Offers.Select(offer => busy.Any(b => offer.Overlaps(b.StartUtc, b.EndUtc)) ? offer with { PatientClash = true } : offer).ToArray();
                var free = own.Where(offer => clashes || !offer.PatientClash).ToArray();
                hidden += clinician.Offers.Count - free.Length;
                var marked = free
                    .Select(offer => offer.RoomId is { } room && taken.Any(t => t.Time.Overlaps(room, offer.StartUtc, offer.EndUtc)) ? offer with { RoomClash = true } : offer)
                    .Select(offer => booked.Count > 0 && offer.SlotIds.Any(booked.Contains) ? offer with { ClinicianClash = true } : offer)
                    .ToArray();
                var inRoom = marked.Where(offer => clashes || !offer.Clashes).ToArray();
                hiddenForRoom += marked.Length - inRoom.Length; // booked slots are read only for those who see clashes: only room clashes are hidden
                return clinician with { Offers = inRoom };
            })
            .Where(clinician => clinician.Offers.Count > 0)
            .OrderBy(clinician => clinician.ClinicianName, StringComparer.CurrentCulture)
            .ToArray();
        var clinicians = visitType.HasParts ? Teams(available, clinicianNames, visitType, byPatient, kindOf, roomOf) : available
            .Where(clinician => clinicianNames.ContainsKey(clinician.ClinicianId)
                && visitType.IsGivenBy(clinician.ClinicianId, kindOf?.Invoke(clinician.ClinicianId)))
            .Select(clinician => new ClinicianOffers(clinician.ClinicianId, clinicianNames[clinician.ClinicianId],
                Runs(clinician.Slots, visitType.Slots, slot => slot.Allows(visitType.Id, byPatient) && visitType.FitsIn(RoomOf(slot, roomOf)))
                    .Select(run => run.Offer with { RoomId = run.RoomId }).ToArray()));
        var offered = Free(clinicians);
        return new DayOffers(offered, hidden, hiddenForRoom);
    }

    private static Room? RoomOf(AvailableSlot slot, Func<Guid, Room?>? roomOf) => slot.RoomId is { } room ? roomOf?.Invoke(room) : null;

    /// <summary>
    /// A visit of several clinicians: for each team (a clinician taking bookings of each part's kind), every start where
    /// each part's clinician has a run of the part's length at the part's offset, the runs in one room at most, a room
    /// the visit fits in (or none, when it needs no feature).
    /// </summary>
    private static IEnumerable<ClinicianOffers> Teams(
        IReadOnlyList<ClinicianSlots> available, IReadOnlyDictionary<Guid, string> clinicianNames, VisitType visitType, bool byPatient,
        Func<Guid, ClinicianKind?>? kindOf, Func<Guid, Room?>? roomOf)
    {
        var parts = visitType.Parts!;
        // Each part's candidates: a clinician of its kind with their runs of its length, by start.
        var candidates = parts.Select(part => available
            .Where(clinician => clinicianNames.ContainsKey(clinician.ClinicianId) && (kindOf?.Invoke(clinician.ClinicianId) ?? ClinicianKind.Doctor) == part.Kind)
            .Select(clinician => (clinician.ClinicianId, Runs: Runs(clinician.Slots, part.Slots, slot => slot.Allows(visitType.Id, byPatient)).ToDictionary(run => run.Offer.StartUtc)))
            .ToArray()).ToArray();
        IEnumerable<IReadOnlyList<(Guid ClinicianId, Dictionary<DateTimeOffset, (SlotOffer Offer, Guid? RoomId)> Runs)>> teams = [[]];
        foreach (var options in candidates)
            teams = teams.SelectMany(team => options.Select(option => (IReadOnlyList<(Guid, Dictionary<DateTimeOffset, (SlotOffer, Guid?)>)>)[.. team, option]));

        foreach (var team in teams)
        {
            var offers = new List<SlotOffer>();
            foreach (var (start, lead) in team[0].Runs.OrderBy(run => run.Key))
            {
                var runs = new List<(SlotOffer Offer, Guid? RoomId)> { lead };
                for (var i = 1; i < parts.Count && runs.Count == i; i++)
                    if (team[i].Runs.TryGetValue(start + parts[i].OffsetSlots * Domain.Scheduling.SlotBlock.SlotLength, out var run))
                        runs.Add(run);
                if (runs.Count != parts.Count)
                    continue;
                var rooms = runs.Select(run => run.RoomId).OfType<Guid>().Distinct().ToArray();
                if (rooms.Length > 1 || !visitType.FitsIn(rooms.Length == 1 ? roomOf?.Invoke(rooms[0]) : null))
                    continue;
                var slots = runs.SelectMany(run => run.Offer.SlotIds).ToArray();
                offers.Add(new SlotOffer(slots, start, runs.Max(run => run.Offer.EndUtc), rooms.Length == 1 ? rooms[0] : null));
            }
            yield return new ClinicianOffers(team[0].ClinicianId, string.Join(" and ", team.Select(member => clinicianNames[member.ClinicianId])), offers,
                team.Select(member => member.ClinicianId).ToArray());
        }
    }

    /// <summary>Every start of a run of <paramref name="length"/> adjacent slots of one room (or none) each of which is <paramref name="open"/> (slots ordered by start).</summary>
    private static List<(SlotOffer Offer, Guid? RoomId)> Runs(IReadOnlyList<AvailableSlot> slots, int length, Func<AvailableSlot, bool> open)
    {
        var runs = new List<(SlotOffer, Guid?)>();
        var runStart = 0; // the first slot of the current unbroken run of open, adjacent slots
        for (var i = 0; i < slots.Count; i++)
        {
            if (!open(slots[i]))
            {
                runStart = i + 1;
                continue;
            }
            if (i > runStart && (slots[i - 1].EndUtc != slots[i].StartUtc || slots[i - 1].RoomId != slots[i].RoomId))
                runStart = i;
            if (i - runStart + 1 >= length)
            {
                var first = i - length + 1;
                runs.Add((new SlotOffer(Enumerable.Range(first, length).Select(k => slots[k].SlotId).ToArray(), slots[first].StartUtc, slots[i].EndUtc),
                    slots[i].RoomId));
            }
        }
        return runs;
    }
}
