using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.VisitTypes;

/// <summary>
/// One clinician's part of a visit of several: a clinician of <paramref name="Kind"/>, from <paramref name="OffsetMinutes"/>
/// after the visit starts for <paramref name="Minutes"/> (a Diabetes review: a nurse 0–20 minutes, a doctor 10–30).
/// </summary>
public sealed record VisitPart(ClinicianKind Kind, int OffsetMinutes, int Minutes)
{
    public int OffsetSlots => OffsetMinutes / (int)SlotBlock.SlotLength.TotalMinutes;
    public int Slots => Minutes / (int)SlotBlock.SlotLength.TotalMinutes;
    public int EndMinutes => OffsetMinutes + Minutes;

    /// <summary>
    /// Parts that make a visit: <paramref name="minParts"/> (a visit type's: two; an appointment changed by staff: one)
    /// up to <see cref="VisitType.MaxParts"/>, each of another kind (an appointment has at most one clinician per kind),
    /// each at least a slot long and on the 10-minute grid, the first (by offset) starting with the visit, no gap between
    /// one part's end and the next's start (the patient is never left waiting alone in the middle of a visit). (Given in
    /// any order; how long the whole may be is the caller's to say.)
    /// </summary>
    /// <summary>The parts a booked visit has now (whatever its visit type's were): each part's kind, offset from the visit's start and length.</summary>
    public static IReadOnlyList<VisitPart> ShapeOf(IReadOnlyList<BookedPart> parts, IReadOnlyList<ScheduledSlot> slots)
    {
        var byId = slots.ToDictionary(s => s.SlotId);
        var start = slots.Min(s => s.StartUtc);
        return parts.Select(p => new VisitPart(p.Kind, (int)(p.SlotIds.Min(id => byId[id].StartUtc) - start).TotalMinutes,
            p.SlotIds.Count * (int)SlotBlock.SlotLength.TotalMinutes)).ToArray();
    }

    /// <summary>
    /// What is wrong with each part that keeps the parts from making a visit, by its place in the list as given (none: they
    /// make one, as far as the parts themselves go): a kind taken by an earlier part, a start off the 10-minute grid or not
    /// at 0 for the first, a gap before it, or a visit past the longest.
    /// </summary>
    public static IReadOnlyDictionary<int, string> Problems(IReadOnlyList<VisitPart> parts) => Problems(parts, checkLength: true);

    /// <summary>The problems, with or without the longest visit (which the deciders judge apart, as a length).</summary>
    private static IReadOnlyDictionary<int, string> Problems(IReadOnlyList<VisitPart> parts, bool checkLength)
    {
        var problems = new Dictionary<int, string>();
        void Say(int index, string problem) => problems.TryAdd(index, problem);
        for (var i = 0; i < parts.Count; i++)
        {
            var part = parts[i];
            if (parts.Take(i).Any(p => p.Kind == part.Kind))
                Say(i, "An earlier part is already this kind of clinician's: each part is another kind's.");
            if (part.OffsetMinutes < 0 || part.OffsetMinutes % VisitType.MinMinutes != 0 || part.Minutes < VisitType.MinMinutes || part.Minutes % VisitType.MinMinutes != 0)
                Say(i, "A part starts on a 10-minute mark and lasts at least 10 minutes, in steps of 10.");
            if (checkLength && part.EndMinutes > VisitType.MaxMinutes)
                Say(i, $"This part ends at minute {part.EndMinutes}: a visit lasts at most {VisitType.MaxMinutes} minutes.");
        }
        if (parts.Count == 0)
            return problems;
        var ordered = parts.Select((part, index) => (Part: part, Index: index)).OrderBy(p => p.Part.OffsetMinutes).ToArray();
        if (ordered[0].Part.OffsetMinutes != 0)
            Say(ordered[0].Index, "The first part starts at minute 0, with the visit.");
        var reached = ordered[0].Part.EndMinutes;
        foreach (var (part, index) in ordered.Skip(1))
        {
            if (part.OffsetMinutes > reached)
                Say(index, $"This part starts at minute {part.OffsetMinutes}, but the parts before it end at minute {reached}: leave no gap.");
            reached = Math.Max(reached, part.EndMinutes);
        }
        return problems;
    }

    /// <summary>Whether these parts make a visit: <paramref name="minParts"/> to the most, none with a <see cref="Problems"/> of its shape.</summary>
    public static bool Fit(IReadOnlyList<VisitPart> parts, int minParts) =>
        parts.Count >= minParts && parts.Count <= VisitType.MaxParts && Problems(parts, checkLength: false).Count == 0;
}

/// <summary>
/// What a visit is for (the owner's "services"): its length in 10-minute slots, who gives it, whether patients may
/// book it online, and how the calendars colour it. Changing one never changes a booking already made: a booking
/// records the visit type and its own slots. A visit of several clinicians has <see cref="Parts"/> (one per kind, the
/// first starting with the visit); its <see cref="Minutes"/> are then from the first part's start to the last one's end,
/// and it is given by the kinds of its parts.
/// </summary>
public sealed record VisitType(
    Guid Id, string Name, string Description, int Minutes,
    IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians, bool BookableOnline, string Colour,
    string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null)
{
    public const int MaxParts = 3;
    public const int MinMinutes = 10;
    public const int MaxMinutes = 120;
    public const int MaxNameLength = 60;
    public const int MaxDescriptionLength = 300;
    public const int MaxReasonLength = 300;

    public static readonly Guid ConsultationId = Guid.Parse("0000c0de-0000-4000-8000-000000000010");
    public static readonly Guid LongConsultationId = Guid.Parse("0000c0de-0000-4000-8000-000000000020");

    /// <summary>Every practice has it from the start: one slot with any doctor, bookable online (today's single slot).</summary>
    public static VisitType Consultation { get; } =
        new(ConsultationId, "Consultation", "A visit with a doctor.", 10, [ClinicianKind.Doctor], [], true, "#3f51b5");

    /// <summary>Every practice has it from the start: two adjacent slots of one doctor (today's double slot).</summary>
    public static VisitType LongConsultation { get; } =
        new(LongConsultationId, "Long consultation", "A longer visit with a doctor, for more than one concern.", 20, [ClinicianKind.Doctor], [], true, "#00897b");

    public static IReadOnlyList<VisitType> BuiltIn { get; } = [Consultation, LongConsultation];

    /// <summary>What a booking made before visit types existed was: one slot a Consultation, two a Long consultation.</summary>
    public static Guid ForSlotCount(int slots) => slots >= 2 ? LongConsultationId : ConsultationId;

    public int Slots => Minutes / (int)SlotBlock.SlotLength.TotalMinutes;

    /// <summary>Whether it takes clinicians of several kinds, each for their own part.</summary>
    public bool HasParts => Parts is { Count: > 0 };

    /// <summary>How many clinicians' slots a booking of it takes: its length, or every part's slots together.</summary>
    public int ClinicianSlots => Parts?.Sum(p => p.Slots) ?? Slots;

    /// <summary>
    /// A clinician gives it when named, or when of a kind that gives it. A clinician of no known kind (a day in the log
    /// with no account behind it) counts as a doctor, which every clinician was before there were other kinds.
    /// </summary>
    public bool IsGivenBy(Guid clinicianId, ClinicianKind? kind) =>
        GivenByClinicians.Contains(clinicianId) || GivenByKinds.Contains(kind ?? ClinicianKind.Doctor);

    /// <summary>
    /// Whether a slot's terms let it be part of a visit of <paramref name="visitType"/>: time kept for staff is booked by
    /// staff only (<paramref name="byPatient"/>: online), time kept for some visit types by those only.
    /// </summary>
    public static bool SlotOpenTo(Guid visitType, bool byPatient, bool staffOnly, IReadOnlyList<Guid>? onlyFor) =>
        (!staffOnly || !byPatient) && (onlyFor is null || onlyFor.Contains(visitType));

    /// <summary>
    /// Whether a visit may take place in <paramref name="room"/> (null: time in no named room): any room, or none, unless
    /// the visit needs a feature; then only a room in use that has it.
    /// </summary>
    public bool FitsIn(Room? room) => RoomFeature is null || room?.Has(RoomFeature) == true;

    public static VisitType From(VisitTypeDefined e) =>
        new(e.VisitTypeId, e.Name, e.Description, e.Minutes, e.GivenByKinds, e.GivenByClinicians, e.BookableOnline, e.Colour, e.RoomFeature,
            e.Parts is { Count: > 0 } ? e.Parts : null);
}

/// <summary>
/// The owner added a visit type, or changed one (the event carries the whole definition either way). A definition
/// logged before rooms existed has no <paramref name="RoomFeature"/>: it needs none, as then; one logged before visits
/// had parts has no <paramref name="Parts"/>: it is one clinician's.
/// </summary>
public sealed record VisitTypeDefined(
    Guid VisitTypeId, string Name, string Description, int Minutes,
    IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians, bool BookableOnline, string Colour,
    string By, string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null) : IClinicEvent;
