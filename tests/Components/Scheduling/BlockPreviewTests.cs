using ClinicPortal.Features.Scheduling.ScheduleDay;

namespace ClinicPortal.Tests.Components.Scheduling;

public class BlockPreviewTests
{
    private static Task<AngleSharp.Dom.IDocument> Render(TimeOnly start, TimeOnly end) =>
        ComponentRenderer.RenderAsync<BlockPreview>(new Dictionary<string, object?>
        {
            [nameof(BlockPreview.Start)] = start,
            [nameof(BlockPreview.End)] = end,
        });

    [Fact]
    public async Task AnHourBlockListsSixSlotStartsInOrder()
    {
        var page = await Render(new TimeOnly(14, 0), new TimeOnly(15, 0));

        var starts = page.QuerySelectorAll("ol.block-slots li").Select(li => li.TextContent.Trim());
        Assert.Equal(["14:00", "14:10", "14:20", "14:30", "14:40", "14:50"], starts);
        Assert.Contains("6 slots", page.QuerySelector("[data-testid=block-summary]")!.TextContent);
    }

    [Fact]
    public async Task ASingleSlotIsCountedInTheSingular()
    {
        var page = await Render(new TimeOnly(14, 0), new TimeOnly(14, 10));

        Assert.Contains("1 slot of", page.QuerySelector("[data-testid=block-summary]")!.TextContent);
    }

    [Fact]
    public async Task ABlockEndingBeforeItStartsShowsTheRuleAndNoSlots()
    {
        var page = await Render(new TimeOnly(12, 0), new TimeOnly(9, 0));

        var alert = page.QuerySelector("[role=alert]");
        Assert.NotNull(alert);
        Assert.Equal("The end time must be after the start time.", alert.TextContent.Trim());
        Assert.Empty(page.QuerySelectorAll("ol.block-slots li"));
    }
}
