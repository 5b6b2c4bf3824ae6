using ClinicPortal.Features.Scheduling.ScheduleDay;

namespace ClinicPortal.Tests.Components.Scheduling;

public class BlockPreviewTests : ClinicTestContext
{
    private IRenderedComponent<BlockPreview> Render(TimeOnly start, TimeOnly end) =>
        Render<BlockPreview>(ps => ps.Add(p => p.Start, start).Add(p => p.End, end));

    [Fact]
    public void AnHourBlockListsSixSlotStartsInOrder()
    {
        var page = Render(new TimeOnly(14, 0), new TimeOnly(15, 0));

        var starts = page.FindAll("ol.block-slots li").Select(li => li.TextContent.Trim());
        Assert.Equal(["14:00", "14:10", "14:20", "14:30", "14:40", "14:50"], starts);
        Assert.Contains("6 slots", page.Find("[data-testid=block-summary]").TextContent);
    }

    [Fact]
    public void ASingleSlotIsCountedInTheSingular()
    {
        var page = Render(new TimeOnly(14, 0), new TimeOnly(14, 10));

        Assert.Contains("1 slot of", page.Find("[data-testid=block-summary]").TextContent);
    }

    [Fact]
    public void ABlockEndingBeforeItStartsShowsTheRuleAndNoSlots()
    {
        var page = Render(new TimeOnly(12, 0), new TimeOnly(9, 0));

        var alert = page.Find("[role=alert]");
        Assert.Equal("The end time must be after the start time.", alert.TextContent.Trim());
        Assert.Empty(page.FindAll("ol.block-slots li"));
    }
}
