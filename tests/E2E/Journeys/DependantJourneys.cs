using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>A parent adds their child on My account, books for them on the Book page, and My appointments says whose it is.</summary>
[Collection(ClinicAppCollection.Name)]
public class DependantJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task AParentAddsAChild_BooksForThem_AndSeesForSamInMyAppointments_WhileTheEmailComesToTheParent()
    {
        var day = Pages.Weekday(15); // no other test's day: Dr Lind's morning, opened here
        await ApiClient.OpenDayAsync(fixture.App.BaseAddress, "doctor3@demo.clinic", day, "09:00", "10:00");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        var email = $"maya-{Guid.NewGuid():N}@example.test";
        await Pages.RegisterAsync(page, fixture.App, "Maya Adeyemi", email);

        await page.GotoAsync("/my-account");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("dependants-none")).ToBeVisibleAsync();
        await page.GetByTestId("add-dependant").ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByTestId("dependant-save").ClickAsync(); // nothing typed: said next to each field
        await Expect(dialog).ToContainTextAsync("Enter their full name.");
        await Expect(dialog).ToContainTextAsync("Enter their date of birth.");
        await dialog.GetByLabel("Full name").FillAsync("Sam Adeyemi");
        await Pages.PickDateAsync(dialog.GetByTestId("dependant-born"), new DateOnly(2019, 5, 3));
        await Pages.ScreenshotAsync(page, "patient-add-dependant");
        await dialog.GetByTestId("dependant-save").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Added");
        await Expect(page.GetByTestId("dependant")).ToContainTextAsync("Sam Adeyemi");
        await Expect(page.GetByTestId("dependant")).ToContainTextAsync("Born 3 May 2019");

        await page.GetByRole(AriaRole.Link, new() { Name = "Book for Sam Adeyemi" }).ClickAsync();
        await Expect(page.GetByTestId("for-whom")).ToHaveValueAsync("Sam Adeyemi");
        await Pages.ShowAppointmentDayAsync(page, day);
        await Expect(page.GetByTestId("slots-left")).ToContainTextAsync("10 of 10"); // Sam's own month
        await Pages.ScreenshotAsync(page, "patient-book-for-dependant");
        await page.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer").First.ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("for Sam Adeyemi?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/my-appointments");
        await Expect(page.GetByTestId("booking")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("booking-for")).ToHaveTextAsync("for Sam Adeyemi");
        await Expect(page.GetByTestId("monthly-usage")).ToContainTextAsync("0 of 10"); // Maya's own month: Sam's visit is Sam's
        await page.SetViewportSizeAsync(390, 844);
        await page.ReloadAsync();
        await Expect(page.GetByTestId("booking-for")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-my-appointments-dependant-phone");
        await page.GotoAsync("/my-account");
        await Expect(page.GetByTestId("dependant")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-my-account-phone");
        Assert.Empty((await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").Select(v => $"{v.Id}: {v.Help}"));
        await page.Context.CloseAsync();

        // Reception finds Sam by his parent's name, sees whom to call, and could give him his own account.
        var desk = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(desk, "reception@demo.clinic", then: "/patients");
        await Pages.WaitUntilInteractiveAsync(desk);
        await desk.Locator("#patient-search").FillAsync("Maya Adeyemi");
        var samRow = desk.Locator("tr.patient").Filter(new() { HasText = "Sam Adeyemi" });
        await Expect(samRow).ToContainTextAsync("for Maya Adeyemi");
        await samRow.GetByTestId("patient-bookings-link").ClickAsync();
        await Expect(desk.GetByTestId("patient-guardian")).ToContainTextAsync("Booked for by Maya Adeyemi");
        await Expect(desk.GetByTestId("give-own-account")).ToBeVisibleAsync();
        await Expect(desk.GetByTestId("patient-bookings")).ToContainTextAsync("Dr Chloe Lind");
        await Pages.ScreenshotAsync(desk, "reception-dependant");
        await desk.Context.CloseAsync();

        var confirmation = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory),
            m => m.Contains($"To: {email}") && m.Contains("This is about Sam Adeyemi's appointment"));
        Assert.Contains("Dear Maya Adeyemi", confirmation);
    }
}
