using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

[Collection(ClinicAppCollection.Name)]
public class StaffJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ReceptionOnAPhone_SeesOneClinicianAtATimeWithTheTimesBeside_NamesOnShortAppointments_AndDetailsThatFit()
    {
        var day = Pages.Weekday(35).ToString("yyyy-MM-dd"); // beyond the demo's days, and no other test's
        using var doctor = await ApiClient.SignedInAsync(fixture.App.BaseAddress, "doctor1@demo.clinic");
        using var scheduled = await doctor.PostJsonAsync("/api/doctors/me/days", $$"""{"date":"{{day}}","blocks":[{"start":"09:00","end":"10:00"}]}""");
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[1].GetProperty("slotId").GetGuid();
        using var nurse = await ApiClient.SignedInAsync(fixture.App.BaseAddress, "nurse1@demo.clinic");
        using (await nurse.PostJsonAsync("/api/doctors/me/days", $$"""{"date":"{{day}}","blocks":[{"start":"11:00","end":"12:00"}]}""")) { }
        using var reception = await ApiClient.SignedInAsync(fixture.App.BaseAddress, "reception@demo.clinic");
        var patient = (await (await reception.GetAsync("/api/patients?query=patient19%40demo.clinic")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        using (var booked = await reception.PostJsonAsync("/api/appointments",
            $$"""{"serviceId":"0000c0de-0000-4000-8000-000000000010","slotIds":["{{slot}}"],"patientId":"{{patient}}"}"""))
            Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode);

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.SetViewportSizeAsync(390, 844);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/reception?date={day}");
        await Pages.WaitUntilInteractiveAsync(page);

        // One clinician, the screen's width: the first with time that day; the times beside it; nothing to scroll sideways.
        var shown = page.GetByTestId("grid-column").Filter(new() { Visible = true });
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown).ToContainTextAsync("Dr Ada Hart");
        await Expect(page.Locator(".tg-time").Filter(new() { HasText = "09:10" })).ToBeInViewportAsync();
        var booking = page.Locator("[data-kind=booked]").Filter(new() { Visible = true });
        await Expect(booking.GetByTestId("booked-patient")).ToHaveTextAsync("Patient 19"); // a 10-minute booking still names its patient
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "Reception scrolls sideways on a phone.");
        await Pages.ScreenshotAsync(page, "reception-day-phone-one-clinician");

        // Another clinician, chosen above the calendar.
        await Pages.ChooseAsync(page, page.GetByTestId("phone-clinician"), "Nia Shaw");
        await Expect(shown).ToHaveCountAsync(1);
        await Expect(shown).ToContainTextAsync("Nia Shaw");
        await Pages.ChooseAsync(page, page.GetByTestId("phone-clinician"), "Dr Ada Hart");

        // The booking's details: every button on the screen, none clipped off an edge.
        await booking.ClickAsync();
        var actions = page.Locator(".mud-dialog .mud-dialog-actions button");
        await Expect(actions.First).ToBeVisibleAsync();
        foreach (var button in await actions.AllAsync())
        {
            var box = (await button.BoundingBoxAsync())!;
            Assert.True(box.X >= 0 && box.X + box.Width <= 390, $"'{(await button.InnerTextAsync()).Trim()}' runs off the screen ({box.X}–{box.X + box.Width}).");
        }
        await Pages.ScreenshotAsync(page, "reception-booking-details-phone");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AClinicianSchedulesADayWithTwoBlocksAndSeesItsSlots()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "doctor2@demo.clinic", then: "/schedule");

        await Pages.PickDateAsync(page.GetByTestId("schedule-date"), Pages.NextWeekday().AddDays(21));
        await Expect(page.GetByTestId("day-empty")).ToBeVisibleAsync();
        await Pages.ChooseAsync(page, page.GetByTestId("block-1-from"), "09:00");
        await Pages.ChooseAsync(page, page.GetByTestId("block-1-to"), "10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another block" }).ClickAsync();
        await Pages.ChooseAsync(page, page.GetByTestId("block-2-from"), "14:00");
        await Pages.ChooseAsync(page, page.GetByTestId("block-2-to"), "14:30");
        await Expect(page.GetByTestId("day-plan")).ToContainTextAsync("9 slots");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" }).ClickAsync();

        var slots = Pages.GridBlocks(page, "Dr Ben Okafor");
        await Expect(slots).ToHaveCountAsync(9);
        await Pages.AssertNoOutcomeCoversAControlAsync(page);
        await Expect(Pages.Outcomes(page).Locator("xpath=..")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^Scheduled\s+9 slots"), new() { UseInnerText = true }); // words apart, as read
        await Expect(slots.First).ToContainTextAsync("09:00");
        await Expect(slots.Last).ToContainTextAsync("14:20");
        await Pages.ScreenshotAsync(page, "clinician-schedule");

        // The form starts afresh, an hour after the day's last slot, with no warning about what it just scheduled.
        await Expect(page.GetByTestId("schedule-error")).ToHaveCountAsync(0);
        await Expect(page.GetByTestId("day-plan")).ToContainTextAsync("6 slots");

        // The same hours again overlap what is now scheduled: the page says so before anything is pressed,
        // offers no button to press, and keeps the day as it was.
        await Pages.ChooseAsync(page, page.GetByTestId("block-1-from"), "09:00");
        await Pages.ChooseAsync(page, page.GetByTestId("block-1-to"), "10:00");
        await Expect(page.GetByTestId("schedule-error")).ToContainTextAsync("overlaps slots already scheduled");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" })).ToBeDisabledAsync();
        await Expect(slots).ToHaveCountAsync(9);

        // A weekly repeat's last day is taken on Enter, as on Tab.
        await page.GetByTestId("repeat-Monday").Locator("input").Or(page.Locator("input[data-testid=repeat-Monday]")).First.CheckAsync();
        await page.GetByTestId("repeat-Tuesday").Locator("input").Or(page.Locator("input[data-testid=repeat-Tuesday]")).First.CheckAsync();
        var until = page.Locator("input[data-testid=repeat-until], [data-testid=repeat-until] input").First;
        await until.FillAsync(Pages.NextWeekday().AddDays(21 + 14).ToString("yyyy-MM-dd"));
        await until.PressAsync("Enter");
        await Expect(page.GetByTestId("repeat")).Not.ToContainTextAsync("Repeat on 0 days");
        await until.PressAsync("Tab"); // on to the next field, as a person would, leaving no picker open
        await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);

        // Copy the day's hours to the next week: the same two blocks appear there.
        var nextWeek = Pages.NextWeekday().AddDays(28);
        await Pages.PickDateAsync(page.GetByTestId("copy-to"), nextWeek);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add date" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy to 1 date" }).ClickAsync();
        await Expect(page.GetByTestId("copy-result")).ToContainTextAsync("9 slots scheduled");
        await Pages.PickDateAsync(page.GetByTestId("schedule-date"), nextWeek);
        await Expect(slots).ToHaveCountAsync(9);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AReceptionistCancelsACliniciansDayAndItsAppointmentsAreGone()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: "/reception");
        await Pages.PickDateAsync(page.GetByTestId("reception-date"), Pages.NextWeekday());
        var booked = Pages.GridBlocks(page, "Dr Chloe Lind", "booked");
        await Expect(booked.First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "reception-day");

        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel Dr Chloe Lind's day" }).ClickAsync();
        await Expect(page.GetByTestId("affected-patients")).ToBeVisibleAsync();
        var affected = await page.GetByTestId("affected-patients").Locator("li").CountAsync();
        await page.GetByTestId("cancel-day-reason").FillAsync("Dr Lind is unwell");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the day" }).ClickAsync();
        // The notice counts patients, not bookings (a patient with two bookings is emailed once).
        await Expect(page.GetByTestId("outcome-detail")).ToHaveTextAsync(affected == 1 ? "1 patient will be emailed." : $"{affected} patients will be emailed.");

        var column = page.Locator("[data-testid=grid-column][data-column='Dr Chloe Lind']");
        await Expect(column.GetByTestId("day-cancelled")).ToContainTextAsync("Dr Lind is unwell");
        await Expect(booked).ToHaveCountAsync(0);
        // Who was booked stays on the page, with phone numbers, for reception to call.
        await Expect(page.Locator("[data-testid=cancelled-day-patients][data-column='Dr Chloe Lind']").GetByTestId("cancelled-patient")).ToHaveCountAsync(affected);

        // With no SMTP server configured, each affected patient's email lands in the pickup folder as one .eml.
        bool IsThisCancellation(string m) => m.Contains("Dr Lind is unwell") && m.Contains("Subject: Cancelled: Dr Chloe Lind");
        var sent = await Mailbox.WaitForCountAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory), IsThisCancellation, affected);
        Assert.Equal(affected, sent.Count);
        Assert.Equal(affected, sent.Select(m => System.Text.RegularExpressions.Regex.Match(m, "^To: (.*)$", System.Text.RegularExpressions.RegexOptions.Multiline).Value).Distinct().Count());
        await page.Context.CloseAsync();

        // The owner sees those messages on the outbox page, sent.
        var admin = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(admin, "admin@demo.clinic", then: "/admin/outbox");
        var subject = $"Cancelled: Dr Chloe Lind on {Pages.NextWeekday().ToString("ddd d MMM", System.Globalization.CultureInfo.InvariantCulture)}";
        var rows = admin.Locator("tr.outbox-row").Filter(new() { HasText = subject });
        await Expect(rows).ToHaveCountAsync(affected);
        await Expect(rows.First.GetByTestId("outbox-row-status")).ToContainTextAsync("Sent");
        await Pages.ScreenshotAsync(admin, "admin-outbox");
        await admin.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceptionSeesALongConsultationAsOneBlockAndItsDetailsNameThePatientPhoneTimeAndVisitType()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/reception?date={Pages.Weekday(2):yyyy-MM-dd}");
        var doubles = page.Locator("[data-testid=grid-block][data-kind=booked]").Filter(new() { HasText = "Long consultation" });
        await Expect(doubles.First).ToBeVisibleAsync();
        var block = doubles.First;
        var patient = (await block.GetByTestId("booked-patient").InnerTextAsync()).Trim();
        var start = await block.GetAttributeAsync("data-start");
        Assert.Contains("span 2", await block.GetAttributeAsync("style")); // one block over both slots, not two rows

        await block.ClickAsync();
        var details = page.GetByRole(AriaRole.Dialog);
        await Expect(details).ToContainTextAsync(patient);
        await Expect(details.GetByTestId("booking-when")).ToContainTextAsync($"{start}–");
        await Expect(details.GetByTestId("booking-visit-type")).ToHaveTextAsync("Long consultation");
        await Expect(details.GetByTestId("booking-phone")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\+44"));
        await Pages.ScreenshotAsync(page, "reception-booking-details");

        await details.GetByRole(AriaRole.Button, new() { Name = "Cancel appointment" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync($"Cancel {patient}'s appointment at {start}–");
        await page.GetByRole(AriaRole.Button, new() { Name = "Keep it" }).ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToHaveCountAsync(0);
        await Expect(doubles.Filter(new() { HasText = patient }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ADroppedConnectionShowsACalmBrandedBannerInsteadOfTheStockText()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string> { ["Seed:Demo"] = "true" });
        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: "/reception");
        await Pages.WaitUntilInteractiveAsync(page);

        await app.DisposeAsync(); // the server goes away under the open page

        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner).ToBeVisibleAsync(new() { Timeout = 20_000 });
        await Expect(banner).ToContainTextAsync("ClinicPortal");
        var colours = await banner.EvaluateAsync<string[]>("b => [getComputedStyle(b).color, getComputedStyle(b).backgroundColor, getComputedStyle(document.body).backgroundColor]");
        Assert.NotEqual(colours[0], colours[1]); // readable: its text is not the colour of its background
        Assert.NotEqual(colours[2], colours[1]); // and it stands out from the page
        await Pages.ScreenshotAsync(page, "reconnect-banner");
        Assert.DoesNotContain("Rejoin failed", await page.Locator("body").InnerTextAsync());
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task WhileDisconnectedNothingCanBePressed_AndAfterARestartTheBannerSaysSo_AndReloadOpensTheSameAddress()
    {
        var demo = new Dictionary<string, string> { ["Seed:Demo"] = "true" };
        var day = Pages.Weekday(2).ToString("yyyy-MM-dd");
        var first = await AppProcess.StartAsync(settings: demo);
        var page = await fixture.Browser.NewPageAsync(first.BaseAddress);
        var errors = new List<string>();
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/reception?date={day}");
        await Pages.WaitUntilInteractiveAsync(page);

        await first.DisposeAsync(); // the server goes away under the open page
        var banner = page.Locator("#components-reconnect-modal");
        await Expect(banner.GetByText("The connection to ClinicPortal dropped")).ToBeVisibleAsync(new() { Timeout = 20_000 });
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('main').inert"), "The page can still be pressed while it has no connection.");

        // Back on the same address: the page's circuit is gone with the old process, and the banner says what happened.
        await using var second = await AppProcess.StartAsync(first.DataDirectory, demo, baseAddress: first.BaseAddress);
        page.Console += (_, message) => { if (message.Type == "error" && message.Text.Contains("Content Security Policy")) errors.Add(message.Text); };
        await Expect(banner.GetByText("ClinicPortal has restarted since")).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Expect(banner.GetByText("Reconnecting")).ToBeHiddenAsync(); // what happened, not still "reconnecting"
        await Pages.ScreenshotAsync(page, "reconnect-banner-restarted");
        await banner.GetByRole(AriaRole.Button, new() { Name = "Reload this page" }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/reception\\?date={day}$"));
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(banner).ToBeHiddenAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.querySelector('main').inert"));
        Assert.Empty(errors);
        await page.Context.CloseAsync();
    }
}
