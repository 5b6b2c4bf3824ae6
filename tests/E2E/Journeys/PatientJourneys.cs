using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

[Collection(ClinicAppCollection.Name)]
public class PatientJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ANewPatientRegistersBooksASingleAndADoubleSlotSeesBothAndCancelsOne()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        var email = $"new-{Guid.NewGuid():N}@example.test";

        await Pages.RegisterAsync(page, fixture.App, "Nina New", email);

        var day = Pages.Weekday(5);
        await Pages.ShowAppointmentDayAsync(page, day);
        await page.Locator(".slot-offer").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();

        await Pages.ChooseAsync(page, page.GetByTestId("visit-type"), "Long consultation (20 min)");
        await Pages.ScreenshotAsync(page, "patient-book");
        await page.Locator(".slot-offer").Last.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true })).ToHaveCountAsync(2);

        await page.GotoAsync("/my-bookings");
        await Expect(page.GetByTestId("booking")).ToHaveCountAsync(2);
        await Expect(page.GetByTestId("booking").Nth(1)).ToContainTextAsync("Long consultation");
        await Expect(page.GetByTestId("monthly-usage")).ToContainTextAsync("3 of 10");
        await Pages.ScreenshotAsync(page, "patient-my-bookings");
        await page.SetViewportSizeAsync(390, 844); // a phone
        await page.ReloadAsync();
        await Expect(page.GetByTestId("booking")).ToHaveCountAsync(2);
        await Pages.ScreenshotAsync(page, "patient-my-bookings-phone");
        // Back at desktop width, on a fresh page: a resize redraws the layout, and a click landing mid-redraw is lost.
        await page.SetViewportSizeAsync(1280, 900);
        await page.ReloadAsync();
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("booking")).ToHaveCountAsync(2);

        await page.GetByTestId("booking").First.GetByRole(AriaRole.Button, new() { Name = "Cancel " }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await Expect(page.GetByTestId("booking")).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("monthly-usage")).ToContainTextAsync("2 of 10");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TwoPatientsRaceForOneSlot_ExactlyOneGetsItAndTheOtherIsToldWhy()
    {
        var day = Pages.Weekday(6);
        var pages = new List<IPage>();
        foreach (var email in new[] { "patient18@demo.clinic", "patient19@demo.clinic" })
        {
            var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
            await Pages.SignInAsync(page, email, then: "/book");
            await Pages.ShowAppointmentDayAsync(page, day);
            pages.Add(page);
        }
        var slotLabel = await pages[0].Locator(".slot-offer").Last.GetAttributeAsync("aria-label");

        // Both choose the same time at once (each click waits at a barrier until the other's button is found and ready
        // too): choosing holds it while its patient confirms, so exactly one is asked to confirm and the other is told why.
        var times = pages.Select(page => page.GetByRole(AriaRole.Button, new() { Name = slotLabel!, Exact = true })).ToArray();
        foreach (var time in times)
            await Expect(time).ToBeEnabledAsync();
        using var barrier = new Barrier(times.Length);
        await Task.WhenAll(times.Select(time => Task.Run(async () =>
        {
            barrier.SignalAndWait(TimeSpan.FromSeconds(30));
            await time.ClickAsync(new() { Timeout = 5_000 }).ContinueWith(_ => { }, TaskScheduler.Default); // the loser's button may be gone
        })));

        // The winner is asked to confirm; the loser is told why (or, had the winner's hold reached their page first, no
        // longer sees the time at all): never both asked.
        var asked = new List<IPage>();
        await Poll.UntilAsync(async () =>
        {
            foreach (var page in pages)
                if (await page.GetByTestId("hold-left").IsVisibleAsync())
                    asked.Add(page);
            return asked.Count > 0;
        }, TimeSpan.FromSeconds(10));
        var winner = Assert.Single(asked);
        var loser = pages.Single(page => page != winner);
        await Expect(loser.GetByRole(AriaRole.Button, new() { Name = slotLabel!, Exact = true })).ToHaveCountAsync(0);
        await Expect(loser.GetByTestId("hold-left")).ToHaveCountAsync(0);
        if (await Pages.Outcomes(loser).CountAsync() > 0)
        {
            await Expect(Pages.Outcomes(loser).First).ToHaveTextAsync("Not booked");
            await Expect(loser.GetByTestId("outcome-detail")).ToContainTextAsync("Someone else is confirming that time just now");
        }

        await winner.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(winner).First).ToHaveTextAsync("Booked");
        foreach (var page in pages)
            await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ASlotBookedInOneBrowserDisappearsFromAnotherWithoutAReload()
    {
        var day = Pages.Weekday(7);
        var watcher = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(watcher, "patient16@demo.clinic", then: "/book");
        await Pages.ShowAppointmentDayAsync(watcher, day);
        var booker = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(booker, "patient17@demo.clinic", then: "/book");
        await Pages.ShowAppointmentDayAsync(booker, day);
        var slotLabel = (await booker.Locator(".slot-offer").First.GetAttributeAsync("aria-label"))!;
        await Expect(watcher.GetByRole(AriaRole.Button, new() { Name = slotLabel, Exact = true })).ToBeVisibleAsync();

        await booker.GetByRole(AriaRole.Button, new() { Name = slotLabel, Exact = true }).ClickAsync();
        await booker.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();

        await Expect(watcher.GetByRole(AriaRole.Button, new() { Name = slotLabel, Exact = true })).ToHaveCountAsync(0, new() { Timeout = 2_000 });
        await watcher.Context.CloseAsync();
        await booker.Context.CloseAsync();
    }

    [Fact]
    public async Task APatientIsDeniedStaffPagesAndAnAnonymousVisitorIsSentToSignIn()
    {
        var anonymous = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await anonymous.GotoAsync("/my-bookings");
        await Expect(anonymous).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/login"));
        await anonymous.Context.CloseAsync();

        var patient = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(patient, "patient2@demo.clinic");
        foreach (var staffPage in new[] { "/reception", "/schedule", "/admin/staff", "/admin/audit" })
        {
            await patient.GotoAsync(staffPage);
            await Expect(patient.GetByRole(AriaRole.Heading, new() { Name = "Not available to you" })).ToBeVisibleAsync();
            // Signed in, they are offered what a signed-in person does: not "Sign in" or "Register".
            await Expect(patient.GetByRole(AriaRole.Button, new() { Name = "Sign out" })).ToBeVisibleAsync();
            await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Sign in" })).ToHaveCountAsync(0);
            await Expect(patient.GetByRole(AriaRole.Link, new() { Name = "Register" })).ToHaveCountAsync(0);
        }
        await patient.Context.CloseAsync();
    }
}
