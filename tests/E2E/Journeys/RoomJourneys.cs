using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Rooms: the owner names them, clinicians put their time in them, and one room holds one clinician's block at a time.</summary>
[Collection(ClinicAppCollection.Name)]
public class RoomJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task TheOwnerAddsARoom_AndANameInUseIsRefusedNextToTheField()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "admin@demo.clinic", then: "/admin/rooms");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(".room-row").Filter(new() { HasText = "Treatment room" })).ToContainTextAsync("step-free");

        await page.Locator("#room-name").FillAsync("treatment room");
        await page.GetByTestId("room-save").ClickAsync();
        await Expect(page.GetByText("Another room already has this name.")).ToBeVisibleAsync();

        var name = $"Consulting {Guid.NewGuid():N}"[..16];
        await page.Locator("#room-name").FillAsync(name);
        await page.Locator("#room-features").FillAsync("Quiet, step-free");
        await page.GetByTestId("room-save").ClickAsync();
        await Expect(Pages.Outcomes(page)).ToHaveTextAsync("Room added");
        var row = page.Locator(".room-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("quiet");
        await Expect(row).ToContainTextAsync("step-free");
        await Pages.ScreenshotAsync(page, "admin-rooms");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADoctorPutsAMorningInTheTreatmentRoom_AndAColleagueIsToldTheRoomIsTakenBeforePressingAnything()
    {
        var day = Pages.Weekday(20).ToString("yyyy-MM-dd"); // beyond the demo's 14 days: nobody's time yet
        var lind = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(lind, "doctor3@demo.clinic", then: $"/schedule?date={day}");
        await Pages.WaitUntilInteractiveAsync(lind);
        await Pages.ChooseAsync(lind, lind.GetByTestId("block-1-room"), "Treatment room (treatment, step-free)");
        await Expect(lind.GetByTestId("day-plan")).ToContainTextAsync("18 slots");
        await lind.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" }).ClickAsync();
        await Expect(Pages.Outcomes(lind)).ToHaveTextAsync("Scheduled");
        await Expect(Pages.GridBlocks(lind, "Dr Chloe Lind", "free").First).ToContainTextAsync("Treatment room");

        var okafor = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(okafor, "doctor2@demo.clinic", then: $"/schedule?date={day}");
        await Pages.WaitUntilInteractiveAsync(okafor);
        await Pages.ChooseAsync(okafor, okafor.GetByTestId("block-1-room"), "Treatment room (treatment, step-free)");
        await Expect(okafor.GetByTestId("schedule-error")).ToHaveTextAsync("Another clinician's time is in that room then. Choose another room or time.");
        await Expect(okafor.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" })).ToBeDisabledAsync();
        await Pages.ScreenshotAsync(okafor, "doctor-schedule-room-in-use");

        await Pages.ChooseAsync(okafor, okafor.GetByTestId("block-1-room"), "No room");
        await Expect(okafor.GetByTestId("day-plan")).ToContainTextAsync("18 slots");
        await lind.Context.CloseAsync();
        await okafor.Context.CloseAsync();
    }
}
