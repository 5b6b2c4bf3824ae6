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
