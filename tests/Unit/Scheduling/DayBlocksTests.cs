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
