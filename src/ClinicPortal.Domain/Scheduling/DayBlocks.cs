namespace ClinicPortal.Domain.Scheduling;

public static class DayBlocks
{
    /// <summary>
    /// The blocks a day's slots form, in local time: runs of back-to-back slots. Copying a day to another
    /// date schedules these blocks there.
    /// </summary>
    public static IReadOnlyList<BlockOfTime> From(IEnumerable<TimeOnly> slotStarts)
    {
        var blocks = new List<BlockOfTime>();
        foreach (var start in slotStarts.Distinct().Order())
        {
            var end = start.Add(SlotBlock.SlotLength);
            if (blocks.Count > 0 && blocks[^1].End == start && end > start)
                blocks[^1] = blocks[^1] with { End = end };
            else
                blocks.Add(new BlockOfTime(start, end));
        }
        return blocks;
    }
}
