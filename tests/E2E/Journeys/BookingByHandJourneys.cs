using System.Text.RegularExpressions;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>What a patient meets on the way to a booking: the keyboard, a slow connection, a reload, a notice, a refusal.</summary>
[Collection(ClinicAppCollection.Name)]
public class BookingByHandJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task APatientBooksWithTheKeyboardAlone()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.GotoAsync("/account/login?returnUrl=%2Fbook%3Fdate%3D" + Pages.Weekday(9).ToString("yyyy-MM-dd"));
        await page.GetByLabel("Email").FocusAsync();
        await page.Keyboard.TypeAsync("patient13@demo.clinic");
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.TypeAsync(Pages.DemoPassword);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Book an appointment" })).ToBeVisibleAsync();
        await Pages.WaitUntilInteractiveAsync(page);

        // Tab from the top of the page to the first time on offer, and book it with Enter.
        var label = await TabUntilAsync(page, "button.slot-offer");
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync(Regex.Match(label, @"\d\d:\d\d").Value);
        await TabUntilAsync(page, "[data-testid=confirm]");
        await page.Keyboard.PressAsync("Enter");

        await Pages.ExpectOutcomeAsync(page, "Booked");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true })).ToHaveCountAsync(0);
        await Pages.AssertNoOutcomeCoversAControlAsync(page); // "Tell me when a time frees up" among them
        // Focus stays on the page, at the day's times, not dropped to the page's body: the next Tab goes on from there.
        await Expect(page.GetByTestId("day-line")).ToBeFocusedAsync();
        await TabUntilAsync(page, "button.slot-offer");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task OnAPhoneFullOfTimes_TheOutcomeNoticeMakesRoomInsteadOfCoveringAny_AndThePageKeepsItsPlace()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await Pages.SignInAsync(page, "patient8@demo.clinic", then: $"/book?date={Pages.Weekday(9):yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);

        // A time half way down the day, so that the screen is full of times above and below it when it is booked.
        var times = page.Locator("button.slot-offer");
        var middle = await times.CountAsync() / 2;
        var chosen = times.Nth(middle);
        var label = (await chosen.GetAttributeAsync("aria-label"))!;
        var neighbour = page.GetByRole(AriaRole.Button, new() { Name = (await times.Nth(middle + 1).GetAttributeAsync("aria-label"))!, Exact = true });
        await chosen.ClickAsync();
        var before = (await neighbour.BoundingBoxAsync())!;
        await page.GetByTestId("confirm").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Booked");
        await Pages.ScreenshotAsync(page, "patient-book-phone-outcome");
        // The page did not jump: the time after the one just booked is where it was on the screen, give or take the row it
        // may move up as the booked time leaves the grid.
        var shown = (await neighbour.BoundingBoxAsync())!;
        Assert.InRange(shown.Y - before.Y, -60, 60);
        Assert.Equal(0, await page.GetByRole(AriaRole.Button, new() { Name = label, Exact = true }).CountAsync());

        // Once the notice is closed, the page scrolls as a whole again, still where it was.
        await page.Locator(".mud-snackbar").GetByRole(AriaRole.Button).First.ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToHaveCountAsync(0);
        await Expect(page.Locator("html.clinic-notice-strip")).ToHaveCountAsync(0);
        Assert.InRange((await neighbour.BoundingBoxAsync())!.Y - shown.Y, -1, 1);
        await page.Context.CloseAsync();
    }

    /// <summary>Presses Tab until the focused element matches <paramref name="selector"/>; returns its accessible label.</summary>
    private static async Task<string> TabUntilAsync(IPage page, string selector)
    {
        for (var presses = 0; presses < 60; presses++)
        {
            await page.Keyboard.PressAsync("Tab");
            var label = await page.EvaluateAsync<string?>(
                "s => document.activeElement && document.activeElement.matches(s) ? (document.activeElement.getAttribute('aria-label') || document.activeElement.textContent) : null",
                selector);
            if (label is not null)
                return label.Trim();
        }
        throw new Xunit.Sdk.XunitException($"Sixty presses of Tab never reached {selector}.");
    }

    [Fact]
    public async Task BeforeTheConnectionIsLiveTheTimesLookAndAreDisabled()
    {
        // With scripts off the page stays as the server first sent it, which is what a slow link shows for seconds.
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress, javaScript: false);
        await Pages.SignInAsync(page, "patient12@demo.clinic", then: $"/book?date={Pages.Weekday(2):yyyy-MM-dd}", waitForName: false);

        var offers = page.Locator("button.slot-offer");
        await Expect(offers.First).ToBeVisibleAsync();
        foreach (var offer in await offers.AllAsync())
            await Expect(offer).ToBeDisabledAsync();
        Assert.Equal("not-allowed", await offers.First.EvaluateAsync<string>("b => getComputedStyle(b).cursor"));
        await Expect(page.GetByTestId("busy")).ToHaveCountAsync(1); // and the page says it is still getting ready
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheBookPageKeepsItsVisitTypeAndDayThroughAReloadAndBack()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "patient11@demo.clinic", then: "/book");
        await Pages.WaitUntilInteractiveAsync(page);
        var day = Pages.Weekday(4).ToString("yyyy-MM-dd");

        await Pages.ShowAppointmentDayAsync(page, Pages.Weekday(4));
        await Pages.ChooseAsync(page, page.GetByTestId("visit-type"), "Long consultation (20 min)");
        await Expect(page).ToHaveURLAsync(new Regex($"/book\\?type=0000c0de-0000-4000-8000-000000000020&date={day}$"));

        await page.ReloadAsync();
        await Expect(page.GetByTestId("book-date")).ToHaveValueAsync(day);
        await Expect(page.GetByTestId("visit-type")).ToHaveValueAsync("Long consultation (20 min)");
        await page.GotoAsync("/my-bookings");
        await page.GoBackAsync();
        await Expect(page.GetByTestId("book-date")).ToHaveValueAsync(day);
        await Expect(page.GetByTestId("visit-type")).ToHaveValueAsync("Long consultation (20 min)");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AnOutcomeNoticeLeavesTheCancelButtonsClear()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "patient10@demo.clinic", then: $"/book?date={Pages.Weekday(3):yyyy-MM-dd}");
        for (var i = 0; i < 2; i++)
        {
            await page.Locator("button.slot-offer").Nth(i * 3).ClickAsync();
            await page.GetByTestId("confirm").ClickAsync();
            await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true })).ToHaveCountAsync(i + 1);
        }

        await page.GotoAsync("/my-bookings");
        await Pages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("booking").First.GetByRole(AriaRole.Button, new() { Name = "Cancel " }).ClickAsync();
        await page.GetByTestId("confirm").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Cancelled");

        var notice = (await page.Locator(".mud-snackbar").First.BoundingBoxAsync())!;
        foreach (var button in await page.GetByTestId("booking").GetByRole(AriaRole.Button).AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            var overlaps = box.X < notice.X + notice.Width && notice.X < box.X + box.Width && box.Y < notice.Y + notice.Height && notice.Y < box.Y + box.Height;
            Assert.False(overlaps, $"The notice at {notice.X},{notice.Y} covers a Cancel button at {box.X},{box.Y}.");
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RegistrationExplainsEachRefusalInPlainWordsNextToItsField()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Full name").FillAsync(new string('N', 201));
        await page.GetByLabel("Email").FillAsync("patient1@demo.clinic");
        await page.GetByLabel("Phone").FillAsync("+44 7700 900123");
        await page.Locator("input[name='Input.Password']").FillAsync("longenough");
        await page.GetByLabel("Confirm password").FillAsync("longenough");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        await Expect(page.Locator(".field").Filter(new() { Has = page.GetByLabel("Full name") })).ToContainTextAsync("Keep the name under 200 characters.");

        await page.GetByLabel("Full name").FillAsync("Nora Name");
        await page.Locator("input[name='Input.Password']").FillAsync("longenough");
        await page.GetByLabel("Confirm password").FillAsync("longenough");
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();

        var password = page.Locator(".field").Filter(new() { Has = page.Locator("input[name='Input.Password']") });
        await Expect(password).ToContainTextAsync("Include at least one number (0–9).");
        await Expect(password).ToContainTextAsync("Include at least one capital letter (A–Z).");
        var body = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("Passwords must", body);
        Assert.DoesNotContain("The field", body);
        await page.Context.CloseAsync();
    }
}
