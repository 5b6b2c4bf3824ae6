namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// A run of back-to-back 10-minute slots of one clinician on one day, in the practice's local time:
/// "09:00 to 12:00" is 18 slots starting 09:00, 09:10, … 11:50.
/// </summary>
public sealed record SlotBlock
{
    public static readonly TimeSpan SlotLength = TimeSpan.FromMinutes(10);

    /// <summary>Six hours of appointments is the most one clinician offers on one day.</summary>
    public const int MaxSlotsPerDay = 36;

    private SlotBlock(TimeOnly start, TimeOnly end)
    {
        Start = start;
        End = end;
    }

    public TimeOnly Start { get; }
    public TimeOnly End { get; }

    public int SlotCount => (int)((End - Start).Ticks / SlotLength.Ticks);

    public IEnumerable<TimeOnly> SlotStarts =>
        Enumerable.Range(0, SlotCount).Select(i => Start.Add(SlotLength * i));

    public static bool IsOnSlotBoundary(TimeOnly time) =>
        time.Ticks % SlotLength.Ticks == 0;

    public static Checked<SlotBlock> Create(TimeOnly start, TimeOnly end)
    {
        if (!IsOnSlotBoundary(start) || !IsOnSlotBoundary(end))
            return Rejection.NotOnSlotBoundary;
        if (end <= start)
            return Rejection.BlockEndsBeforeItStarts;

        var block = new SlotBlock(start, end);
        if (block.SlotCount > MaxSlotsPerDay)
            return Rejection.TooManySlotsInDay;
        return Checked<SlotBlock>.Accepted(block);
    }
}
