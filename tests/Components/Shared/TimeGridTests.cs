using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Shared.TimeGrid;

namespace ClinicPortal.Tests.Components.Shared;

public class TimeGridTests : ClinicTestContext
{
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");
    private static readonly DateOnly Tuesday = new(2026, 3, 3);
    private static readonly DateTimeOffset MondayMorning = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    private static DateTimeOffset At(DateOnly date, int hour, int minute = 0) => PracticeTime.ToUtc(date, new TimeOnly(hour, minute), London)!.Value;

    private static GridBlock Free(DateOnly date, int hour, int minute) =>
        new(At(date, hour, minute), At(date, hour, minute).AddMinutes(10), GridBlockKind.Free, "free", SlotId: Guid.NewGuid());

    private static GridBlock Booked(DateOnly date, int hour, int minute, int slots, string patient, string? badge = null) =>
        new(At(date, hour, minute), At(date, hour, minute).AddMinutes(10 * slots), GridBlockKind.Booked, patient, AppointmentId: Guid.NewGuid(), Badge: badge);

    private IRenderedComponent<TimeGrid> Render(IReadOnlyList<GridColumn> columns, DateTimeOffset? now = null, Action<ComponentParameterCollectionBuilder<TimeGrid>>? more = null) =>
        Render<TimeGrid>(ps =>
        {
            ps.Add(p => p.Columns, columns).Add(p => p.Zone, London).Add(p => p.Now, now ?? MondayMorning);
            more?.Invoke(ps);
        });

    /// <summary>The CSS grid row (1 is the header, 2 the first 10 minutes) and column (1 holds the times) of an element.</summary>
    private static (int Row, int Span, int Column) Cell(AngleSharp.Dom.IElement element)
    {
        var style = element.GetAttribute("style")!;
        var row = System.Text.RegularExpressions.Regex.Match(style, @"grid-row: (\d+)(?: / span (\d+))?");
        var column = System.Text.RegularExpressions.Regex.Match(style, @"grid-column: (\d+)");
        return (int.Parse(row.Groups[1].Value), row.Groups[2].Success ? int.Parse(row.Groups[2].Value) : 1, int.Parse(column.Groups[1].Value));
    }

    private static string RowTime(IRenderedComponent<TimeGrid> grid, int row) =>
        grid.FindAll(".tg-time").Single(t => Cell(t).Row == row).TextContent.Trim();

    [Fact]
    public void AnAppointmentSitsInItsCliniciansColumnOnTheRowOfItsLocalStartAndSpansItsSlots()
    {
        var grid = Render(
        [
            new GridColumn("Dr Hart", Tuesday, [Free(Tuesday, 9, 0), Booked(Tuesday, 9, 10, 2, "Pat Lee", "double")]),
            new GridColumn("Dr Okafor", Tuesday, [Booked(Tuesday, 10, 30, 1, "Sam Ray")]),
        ]);

        var pat = grid.Find("[data-kind=booked][data-column='Dr Hart']");
        var sam = grid.Find("[data-kind=booked][data-column='Dr Okafor']");
        Assert.Equal("09:10", RowTime(grid, Cell(pat).Row));
        Assert.Equal((2, 2), (Cell(pat).Span, Cell(pat).Column));
        Assert.Equal("10:30", RowTime(grid, Cell(sam).Row));
        Assert.Equal((1, 3), (Cell(sam).Span, Cell(sam).Column));
        Assert.Equal("Pat Lee", pat.QuerySelector("[data-testid=booked-patient]")!.TextContent);
        Assert.Contains("double", pat.TextContent);
    }

    [Fact]
    public void AcrossADaylightSavingChangeNineOClockIsTheNineOClockRowOnBothSides()
    {
        // The clocks go forward on Sunday 29 March 2026: 09:00 is 09:00 UTC on Friday and 08:00 UTC on Monday.
        var friday = new DateOnly(2026, 3, 27);
        var monday = new DateOnly(2026, 3, 30);
        var grid = Render(
        [
            new GridColumn("Fri 27 Mar", friday, [Booked(friday, 9, 0, 1, "Before")]),
            new GridColumn("Mon 30 Mar", monday, [Booked(monday, 9, 0, 1, "After")]),
        ]);

        var before = grid.Find("[data-column='Fri 27 Mar'][data-kind=booked]");
        var after = grid.Find("[data-column='Mon 30 Mar'][data-kind=booked]");
        Assert.NotEqual(At(friday, 9).UtcDateTime.TimeOfDay, At(monday, 9).UtcDateTime.TimeOfDay);
        Assert.Equal(Cell(before).Row, Cell(after).Row);
        Assert.Equal("09:00", RowTime(grid, Cell(after).Row));
        Assert.Equal(3, Cell(after).Column);
    }

    [Fact]
    public void RowsRunInTenMinuteStepsFromTheHourOfTheFirstSlotToTheHourAfterTheLast()
    {
        var grid = Render([new GridColumn("Dr Hart", Tuesday, [Free(Tuesday, 9, 20), Free(Tuesday, 10, 40)])]);

        var times = grid.FindAll(".tg-time").Select(t => t.TextContent.Trim()).ToArray();
        Assert.Equal("09:00", times[0]);
        Assert.Equal("10:50", times[^1]);
        Assert.Equal(12, times.Length);
    }

    [Fact]
    public void ACancelledDayIsGreyedWithItsReason()
    {
        var grid = Render([new GridColumn("Dr Hart", Tuesday, [], Cancelled: true, Note: "Cancelled: Training day")]);

        Assert.Equal("Cancelled: Training day", grid.Find("[data-testid=day-cancelled]").TextContent.Trim());
        Assert.Single(grid.FindAll(".tg-lane-cancelled"));
        Assert.Empty(grid.FindAll("[data-testid=grid-block]"));
    }

    [Fact]
    public void TodayCarriesALineAtTheCurrentTimeAndOtherDaysDoNot()
    {
        var now = At(Tuesday, 9, 15);
        var grid = Render([new GridColumn("Tue 3 Mar", Tuesday, [Free(Tuesday, 9, 0), Free(Tuesday, 9, 30)]), new GridColumn("Wed 4 Mar", Tuesday.AddDays(1), [])], now);

        var line = grid.Find("[data-testid=now-line]");
        Assert.Equal(("09:10", 2), (RowTime(grid, Cell(line).Row), Cell(line).Column));
        Assert.Contains("--tg-now-offset: 50%", line.GetAttribute("style"));

        var tomorrowOnly = Render([new GridColumn("Wed 4 Mar", Tuesday.AddDays(1), [Free(Tuesday.AddDays(1), 9, 0)])], now);
        Assert.Empty(tomorrowOnly.FindAll("[data-testid=now-line]"));
    }

    [Fact]
    public void ClickingAnAppointmentHandsItsBlockToThePage()
    {
        GridBlock? opened = null;
        var booking = Booked(Tuesday, 11, 0, 1, "Pat Lee");
        var grid = Render([new GridColumn("Dr Hart", Tuesday, [booking])], more: ps => ps.Add(p => p.OnAppointmentClick, (GridBlock b) => opened = b));

        grid.Find("button[data-kind=booked]").Click();

        Assert.Equal(booking.AppointmentId, opened?.AppointmentId);
    }

    [Fact]
    public void FreeSlotsCanBeSelectedWhereThePageTakesThemAndAreMarkedSelected()
    {
        var slot = Free(Tuesday, 9, 0);
        var toggled = new List<Guid>();
        var grid = Render([new GridColumn("Dr Hart", Tuesday, [slot, Free(Tuesday, 9, 10)])], more: ps => ps
            .Add(p => p.OnFreeSlotClick, (Guid id) => toggled.Add(id))
            .Add(p => p.SelectedSlots, new HashSet<Guid> { slot.SlotId!.Value }));

        var first = grid.FindAll("button[data-kind=free]")[0];
        Assert.Equal("true", first.GetAttribute("aria-pressed"));
        Assert.Equal("false", grid.FindAll("button[data-kind=free]")[1].GetAttribute("aria-pressed"));
        first.Click();
        Assert.Equal([slot.SlotId!.Value], toggled);
    }

    [Fact]
    public void WithoutAHandlerFreeAndPastSlotsAreShownButNotPressable()
    {
        var past = new GridBlock(At(Tuesday, 8, 0), At(Tuesday, 8, 10), GridBlockKind.Past, "free", SlotId: Guid.NewGuid());
        var grid = Render([new GridColumn("Dr Hart", Tuesday, [past, Free(Tuesday, 9, 0)])]);

        Assert.Empty(grid.FindAll("button[data-testid=grid-block]"));
        Assert.Equal(["past", "free"], grid.FindAll("[data-testid=grid-block]").Select(b => b.GetAttribute("data-kind")!));
    }

    [Fact]
    public void ADeactivatedClinicianLooksUnbookable_TheirColumnSaysSo_AndAFreeSlotsLongLabelEndsInAnEllipsisWithItsWholeTextAsTitle()
    {
        var slots = new[] { new Application.Queries.ClinicianDaySlot(Guid.NewGuid(), At(Tuesday, 9, 0), null, null, null) };
        var day = new Application.Queries.ClinicianDayView(Guid.NewGuid(), Tuesday, false, null, slots);
        var column = ScheduleColumns.For("Dr Chloe Lind", day, [], StaffDays.None, MondayMorning, deactivated: true);

        Assert.Equal("Dr Chloe Lind (deactivated)", column.Title);
        Assert.StartsWith("Deactivated: no one can book them.", column.Note);
        var grid = Render([column, new GridColumn("Nia Shaw", Tuesday, [Free(Tuesday, 9, 0) with { Label = "free, Treatment room on the first floor" }])]);

        var unbookable = grid.Find("[data-column='Dr Chloe Lind (deactivated)'][data-testid=grid-block]");
        Assert.Equal("unavailable", unbookable.GetAttribute("data-kind"));
        Assert.Contains("not bookable", unbookable.TextContent);
        Assert.Empty(grid.FindAll("[data-column='Dr Chloe Lind (deactivated)'][data-kind=free]"));
        var nurse = grid.Find("[data-column='Nia Shaw'][data-kind=free]");
        Assert.Equal("tg-block-label", nurse.QuerySelector("span:last-child")!.ClassName);
        Assert.Equal("09:00 free, Treatment room on the first floor", nurse.GetAttribute("title"));
    }

    [Fact]
    public void ATenMinuteAppointmentKeepsItsVisitTypeOnItsOneRow_ALongerOneWraps()
    {
        var grid = Render([new GridColumn("Dr Hart", Tuesday, [Booked(Tuesday, 9, 0, 1, "Pat Lee", "Consultation"), Booked(Tuesday, 9, 10, 2, "Sam Ray", "Long consultation")])]);

        var blocks = grid.FindAll("[data-kind=booked]");
        Assert.Contains("tg-short", blocks[0].ClassList);
        Assert.DoesNotContain("tg-short", blocks[1].ClassList);
    }
}
