using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Tests.Unit.Scheduling;

public class SlotBlockTests
{
    [Fact]
    public void GivenAMorningBlock_WhenCreated_ThenItMakesOneSlotPerTenMinutes()
    {
        var block = SlotBlock.Create(new TimeOnly(9, 0), new TimeOnly(10, 0));

        Assert.True(block.IsAccepted);
        Assert.Equal(6, block.Value!.SlotCount);
        Assert.Equal(
            ["09:00", "09:10", "09:20", "09:30", "09:40", "09:50"],
            block.Value.SlotStarts.Select(t => t.ToString("HH:mm")));
    }

    [Theory]
    [InlineData(9, 5, 10, 0)]
    [InlineData(9, 0, 10, 15)]
    public void GivenATimeOffTheTenMinuteMarks_WhenCreated_ThenNotOnSlotBoundary(int startHour, int startMinute, int endHour, int endMinute)
    {
        var block = SlotBlock.Create(new TimeOnly(startHour, startMinute), new TimeOnly(endHour, endMinute));

        Assert.Equal(Rejection.NotOnSlotBoundary, block.Rejection);
    }

    [Theory]
    [InlineData(10, 0)]
    [InlineData(9, 0)]
    public void GivenAnEndNotAfterTheStart_WhenCreated_ThenBlockEndsBeforeItStarts(int endHour, int endMinute)
    {
        var block = SlotBlock.Create(new TimeOnly(10, 0), new TimeOnly(endHour, endMinute));

        Assert.Equal(Rejection.BlockEndsBeforeItStarts, block.Rejection);
    }

    [Fact]
    public void GivenSixHours_WhenCreated_ThenAllThirtySixSlotsAreAccepted()
    {
        var block = SlotBlock.Create(new TimeOnly(8, 0), new TimeOnly(14, 0));

        Assert.Equal(SlotBlock.MaxSlotsPerDay, block.Value!.SlotCount);
    }

    [Fact]
    public void GivenMoreThanSixHours_WhenCreated_ThenTooManySlotsInDay()
    {
        var block = SlotBlock.Create(new TimeOnly(8, 0), new TimeOnly(14, 10));

        Assert.Equal(Rejection.TooManySlotsInDay, block.Rejection);
    }
}
