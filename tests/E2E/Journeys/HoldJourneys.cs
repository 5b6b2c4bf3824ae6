using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>A time is held while the patient confirms, counting down; left too long, it is given back and offered again.</summary>
[Collection(ClinicAppCollection.Name)]
public class HoldJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task AHoldsCountdownRunsOut_TheDialogSaysSo_AndTheTimeIsOfferedAgain()
    {
        // Holds of six seconds, on an app of its own, so that the journey sees one run out.
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string> { ["Seed:Demo"] = "true", ["Booking:HoldMinutes"] = "0.1" });
        var day = Pages.Weekday(3);
        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(page, "patient20@demo.clinic", then: $"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);

        var hart = page.Locator("section[aria-label='Dr Ada Hart'] button.slot-offer");
        var first = (await hart.First.TextContentAsync())!.Trim();
        await hart.First.ClickAsync();
        await Expect(page.GetByTestId("hold-left")).ToContainTextAsync("Kept for you for 0:0");
        await Expect(hart.Filter(new() { HasTextRegex = new System.Text.RegularExpressions.Regex($"^{first}$") })).ToHaveCountAsync(0); // held: offered to no one
        await Pages.ScreenshotAsync(page, "patient-book-hold");

        await Expect(page.GetByTestId("hold-expired")).ToBeVisibleAsync(new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("confirm")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, "patient-book-hold-expired");
        await page.GetByRole(AriaRole.Button, new() { Name = "Close", Exact = true }).Last.ClickAsync();
        await Expect(hart.First).ToHaveTextAsync(first, new() { Timeout = 10_000 }); // given back at its due time, offered again
        await page.Context.CloseAsync();
    }
}
