using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Scheduling.MySchedule;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Scheduling;

/// <summary>The doctor's schedule editor over the app's real handlers: the whole day is judged while the doctor edits.</summary>
public class SchedulePageTests : ClinicTestContext
{
    private TestApp app = default!;
    private Guid doctor;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        SignIn(doctor, "hart@clinic.example", Roles.Doctor);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    private (IRenderedComponent<SchedulePage> Page, IRenderedComponent<MudPopoverProvider> Popovers) Open(string date)
    {
        var popovers = Render<MudPopoverProvider>();
        Render<MudDialogProvider>();
        Render<MudSnackbarProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo($"http://localhost/schedule?date={date}");
        var page = Render<SchedulePage>();
        page.WaitForElement("[data-testid=time-grid]");
        return (page, popovers);
    }

    private static async Task ChooseAsync(IRenderedComponent<SchedulePage> page, IRenderedComponent<MudPopoverProvider> popovers, string testId, string time)
    {
        // MudSelect opens on a mouse-down on its control, as a click in the browser begins.
        await page.WaitForElement($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        popovers.WaitForElement(".mud-list-item");
        await popovers.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == time).ClickAsync(new());
    }

    private static string? Rule(IRenderedComponent<SchedulePage> page) =>
        page.FindAll("[data-testid=schedule-error]").SingleOrDefault()?.TextContent.Trim();

    private bool ScheduleDisabled(IRenderedComponent<SchedulePage> page) =>
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Schedule these slots").HasAttribute("disabled");

    [Fact]
    public void AnEmptyDayWithTheDefaultMorningSaysHowManySlotsItAdds()
    {
        var (page, _) = Open("2026-03-03");

        Assert.Contains("18 slots", page.Find("[data-testid=day-plan]").TextContent);
        Assert.Null(Rule(page));
        Assert.False(ScheduleDisabled(page));
    }

    [Fact]
    public void MoreThanSixHoursInAllIsRefusedBeforeAnythingIsPressed()
    {
        var (page, _) = Open("2026-03-03");

        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add another block").Click(); // 14:00–17:00: 36 slots in all
        page.WaitForAssertion(() => Assert.Contains("36 slots", page.Find("[data-testid=day-plan]").TextContent));
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add another block").Click(); // 18:00–21:00: 54

        page.WaitForAssertion(() => Assert.Equal("A clinician can offer at most 36 slots (6 hours) in one day.", Rule(page)));
        Assert.True(ScheduleDisabled(page));
    }

    [Fact]
    public async Task TimeAlreadyScheduledOnTheDayIsRefusedWhileEditing()
    {
        await app.Get<ScheduleDayHandler>().HandleAsync(doctor, new DateOnly(2026, 3, 3), [new BlockOfTime(new(11, 0), new(12, 0))], Actor.Doctor(doctor));

        var (page, _) = Open("2026-03-03");

        Assert.Equal("That time overlaps slots already scheduled on this day.", Rule(page));
        Assert.True(ScheduleDisabled(page));
        Assert.Equal(6, page.FindAll("[data-testid=grid-block][data-kind=free]").Count);
    }

    [Fact]
    public async Task TwoBlocksThatOverlapEachOtherAreRefusedAsSoonAsTheyDo()
    {
        var (page, popovers) = Open("2026-03-03");
        page.FindAll("button").Single(b => b.TextContent.Trim() == "Add another block").Click();

        await ChooseAsync(page, popovers, "block-2-from", "11:00");

        page.WaitForAssertion(() => Assert.Equal("Two of the blocks overlap; make each block start after the previous one ends.", Rule(page)));
        Assert.True(ScheduleDisabled(page));
    }

    [Fact]
    public async Task PressingScheduleAddsTheSlotsToTheCalendar()
    {
        var (page, popovers) = Open("2026-03-03");

        await page.FindAll("button").Single(b => b.TextContent.Trim() == "Schedule these slots").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(18, page.FindAll("[data-testid=grid-block][data-kind=free]").Count));
        // The form starts afresh, an hour after the day's last slot, with no warning about what it has just scheduled.
        page.WaitForAssertion(() => Assert.Contains("6 slots", page.Find("[data-testid=day-plan]").TextContent));
        Assert.Null(Rule(page));
        // The same hours again overlap what is now scheduled, and it says so.
        await ChooseAsync(page, popovers, "block-1-from", "09:00");
        page.WaitForAssertion(() => Assert.Equal("That time overlaps slots already scheduled on this day.", Rule(page)));
    }

    [Fact]
    public async Task RepeatingADayWeeklySchedulesEachDayOnItsOwn_KeepsStaffTimeKept_AndSaysWhichWereRefusedAndWhy()
    {
        var schedule = app.Get<ScheduleDayHandler>();
        Assert.True((await schedule.HandleAsync(doctor, new DateOnly(2026, 3, 3),
            [new BlockOfTime(new(9, 0), new(10, 0)), new BlockOfTime(new(10, 0), new(10, 30), StaffOnly: true)], Actor.Doctor(doctor))).IsAccepted);
        Assert.True((await schedule.HandleAsync(doctor, new DateOnly(2026, 3, 10), [new BlockOfTime(new(9, 30), new(10, 0))], Actor.Doctor(doctor))).IsAccepted);
        var (page, _) = Open("2026-03-03");

        page.Find("input[data-testid=repeat-Tuesday]").Change(true);
        page.Find("input[data-testid=repeat-until]").Change("2026-03-17");
        page.WaitForAssertion(() => Assert.Equal("Repeat on 2 days", page.Find("[data-testid=repeat]").TextContent.Trim()));
        await page.Find("[data-testid=repeat]").ClickAsync(new());

        page.WaitForAssertion(() => Assert.StartsWith("1 of 2 days scheduled, 1 refused", page.Find("[data-testid=repeat-summary]").TextContent.Trim()));
        Assert.Equal(
            ["Tue 10 Mar: not scheduled. That time overlaps slots already scheduled on this day.", "Tue 17 Mar: 9 slots scheduled."],
            page.FindAll("[data-testid=copy-result]").Select(r => r.TextContent.Trim()));
        var repeated = await app.Get<Infrastructure.ReadModels.ScheduleReadModel>().ClinicianDayAsync(doctor, new DateOnly(2026, 3, 17));
        Assert.Equal(9, repeated.Slots.Count);
        Assert.Equal(3, repeated.Slots.Count(slot => slot.StaffOnly));
    }

    [Fact]
    public void MyScheduleOpensOnToday_AsReceptionDoes()
    {
        Render<MudPopoverProvider>();
        Services.GetRequiredService<NavigationManager>().NavigateTo("http://localhost/schedule");
        var page = Render<SchedulePage>();
        page.WaitForElement("[data-testid=time-grid]");

        var today = DateOnly.FromDateTime(PracticeTime.ToLocal(app.Clock.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/London")).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd"), page.Find("input[data-testid=schedule-date]").GetAttribute("value"));
    }
}
