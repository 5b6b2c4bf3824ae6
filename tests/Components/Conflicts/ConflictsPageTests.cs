using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Staff;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Conflicts;

/// <summary>The conflicts desk over the app's real read models on a SQLite file: a long desk is shown a page at a time.</summary>
public class ConflictsPageTests : ClinicTestContext
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3); // the app's "now" is Monday 2 March, 08:00

    private TestApp app = default!;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        var owner = await app.CreateUserAsync("Practice Owner", "owner@clinic.example", Roles.Admin);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, Tuesday, [new BlockOfTime(new(9, 0), new(14, 0))], Actor.Doctor(hart))).Value!;
        // Thirty appointments (three patients, ten each: the month's most), then Dr Hart is deactivated: thirty conflicts.
        for (var p = 0; p < 3; p++)
        {
            var patient = await app.CreateUserAsync($"Patient {p}", $"p{p}@mail.example", Roles.Patient);
            foreach (var slot in day.Slots.Skip(p * 10).Take(10))
                Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(patient, [slot.SlotId], Actor.Patient(patient))).IsAccepted);
        }
        Assert.True((await app.Get<SetStaffActiveHandler>().HandleAsync(hart, false, Actor.Admin(owner))).IsAccepted);
        var reception = await app.CreateUserAsync("Rita Reception", "rita@clinic.example", Roles.Receptionist);
        SignIn(reception, "rita@clinic.example", Roles.Receptionist);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    [Fact]
    public async Task ThirtyConflictsAreShownTwentyFiveToAPage_SoonestFirst_AndTheSecondPageHasTheRest()
    {
        RenderProviders();
        var page = Render<ConflictsPage>();
        page.WaitForElement("[data-testid=conflicts-table]");

        Assert.Contains("30 open conflicts", page.Find("[data-testid=conflicts-count]").TextContent);
        Assert.Equal(ConflictsPage.PageSize, page.FindAll("tr.conflict-row").Count);
        Assert.StartsWith("Tue 3 Mar 09:00", page.FindAll("tr.conflict-row")[0].TextContent.Trim());

        await page.FindAll("[data-testid=conflicts-pages] button").Single(b => b.TextContent.Trim() == "2").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal(5, page.FindAll("tr.conflict-row").Count));
        Assert.StartsWith("Tue 3 Mar 13:10", page.FindAll("tr.conflict-row")[0].TextContent.Trim());
    }
}
