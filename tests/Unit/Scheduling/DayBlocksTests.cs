using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Tests.Unit.Scheduling;

public class DayBlocksTests
{
    [Fact]
    public void BackToBackSlotsFormOneBlockAndAGapStartsAnother()
    {
        TimeOnly[] starts = [new(14, 0), new(9, 0), new(9, 10), new(9, 20), new(14, 10)];

        var blocks = DayBlocks.From(starts);

        Assert.Equal([new BlockOfTime(new(9, 0), new(9, 30)), new BlockOfTime(new(14, 0), new(14, 20))], blocks);
    }

    [Fact]
    public void ADayWithARemovedSlotInTheMiddleCopiesAsTwoBlocks()
    {
        TimeOnly[] starts = [new(9, 0), new(9, 20)];

        Assert.Equal(2, DayBlocks.From(starts).Count);
    }

    [Fact]
    public void NoSlotsMakeNoBlocks() => Assert.Empty(DayBlocks.From([]));
}

public class DayBlocksWithTermsTests
{
    private static readonly Guid Procedure = Guid.Parse("00000000-0000-0000-0000-0000000000b1");

    [Fact]
    public void TimeKeptForStaffIsItsOwnBlockEvenWhenItFollowsOpenTimeWithoutAGap()
    {
        SlotTerms[] slots =
        [
            new(new(15, 50), false, null), new(new(15, 40), false, null),
            new(new(16, 0), true, [Procedure]), new(new(16, 10), true, [Procedure]),
        ];

        var blocks = DayBlocks.FromSlots(slots);

        Assert.Equal(2, blocks.Count);
        Assert.Equal((new TimeOnly(15, 40), new TimeOnly(16, 0), false), (blocks[0].Start, blocks[0].End, blocks[0].StaffOnly));
        Assert.Null(blocks[0].OnlyFor);
        Assert.Equal((new TimeOnly(16, 0), new TimeOnly(16, 20), true), (blocks[1].Start, blocks[1].End, blocks[1].StaffOnly));
        Assert.Equal([Procedure], blocks[1].OnlyFor!);
    }

    [Fact]
    public void WeeklyGivesTheChosenWeekdaysAfterTheDayUpToAndIncludingTheLast()
    {
        var monday = new DateOnly(2026, 3, 2);

        var dates = DayBlocks.Weekly(monday, [DayOfWeek.Monday, DayOfWeek.Thursday], new DateOnly(2026, 3, 16));

        Assert.Equal([new(2026, 3, 5), new(2026, 3, 9), new(2026, 3, 12), new(2026, 3, 16)], dates);
    }

    [Fact]
    public void WeeklyUntilADayBeforeTheFirstGivesNothing() =>
        Assert.Empty(DayBlocks.Weekly(new DateOnly(2026, 3, 2), [DayOfWeek.Tuesday], new DateOnly(2026, 3, 2)));
}
