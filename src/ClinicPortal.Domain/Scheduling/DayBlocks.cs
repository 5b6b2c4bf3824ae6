namespace ClinicPortal.Domain.Scheduling;

public static class DayBlocks
{
    /// <summary>
    /// The blocks a day's slots form, in local time: runs of back-to-back slots. Copying a day to another
    /// date schedules these blocks there.
    /// </summary>
    public static IReadOnlyList<BlockOfTime> From(IEnumerable<TimeOnly> slotStarts) =>
        FromSlots(slotStarts.Select(start => new SlotTerms(start, false, null)));

    /// <summary>
    /// The blocks a day's slots form with their terms: runs of back-to-back slots kept for the same people and visit
    /// types, in the same room. Copying or repeating a day schedules these blocks, time kept for staff still kept.
    /// </summary>
    public static IReadOnlyList<BlockOfTime> FromSlots(IEnumerable<SlotTerms> slots)
    {
        var blocks = new List<BlockOfTime>();
        foreach (var slot in slots.DistinctBy(s => s.Start).OrderBy(s => s.Start))
        {
            var end = slot.Start.Add(SlotBlock.SlotLength);
            var block = new BlockOfTime(slot.Start, end, slot.StaffOnly, slot.OnlyFor is { Count: > 0 } only ? only : null, slot.RoomId);
            if (blocks.Count > 0 && blocks[^1].End == slot.Start && end > slot.Start && blocks[^1].Terms == block.Terms)
                blocks[^1] = blocks[^1] with { End = end };
            else
                blocks.Add(block);
        }
        return blocks;
    }

    /// <summary>The dates after <paramref name="after"/>, up to and including <paramref name="until"/>, that fall on one of <paramref name="weekdays"/>.</summary>
    public static IReadOnlyList<DateOnly> Weekly(DateOnly after, IReadOnlyCollection<DayOfWeek> weekdays, DateOnly until)
    {
        var dates = new List<DateOnly>();
        for (var date = after.AddDays(1); date <= until; date = date.AddDays(1))
            if (weekdays.Contains(date.DayOfWeek))
                dates.Add(date);
        return dates;
    }
}
