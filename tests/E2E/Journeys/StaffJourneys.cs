using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

[Collection(ClinicAppCollection.Name)]
public class StaffJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ADoctorSchedulesADayWithTwoBlocksAndSeesItsSlots()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "doctor2@demo.clinic", then: "/schedule");

        await Pages.PickDateAsync(page.GetByTestId("schedule-date"), Pages.NextWeekday().AddDays(21));
        await Expect(page.GetByTestId("day-empty")).ToBeVisibleAsync();
        await page.GetByLabel("Block 1 from").SelectOptionAsync("09:00");
        await page.GetByLabel("Block 1 to").SelectOptionAsync("10:00");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add another block" }).ClickAsync();
        await page.GetByLabel("Block 2 from").SelectOptionAsync("14:00");
        await page.GetByLabel("Block 2 to").SelectOptionAsync("14:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" }).ClickAsync();

        await Expect(page.GetByTestId("day-slot")).ToHaveCountAsync(9);
        await Expect(page.GetByTestId("day-slot").First).ToContainTextAsync("09:00");
        await Expect(page.GetByTestId("day-slot").Last).ToContainTextAsync("14:20");
        await Pages.ScreenshotAsync(page, "doctor-schedule");

        // The same hours again overlap what is now scheduled: the page says so and keeps the day as it was.
        await page.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" }).ClickAsync();
        await Expect(page.GetByTestId("schedule-error")).ToContainTextAsync("overlaps slots already scheduled");
        await Expect(page.GetByTestId("day-slot")).ToHaveCountAsync(9);

        // Copy the day's hours to the next week: the same two blocks appear there.
        var nextWeek = Pages.NextWeekday().AddDays(28);
        await Pages.PickDateAsync(page.GetByTestId("copy-to"), nextWeek);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add date" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Copy to 1 dates" }).ClickAsync();
        await Expect(page.GetByTestId("copy-result")).ToContainTextAsync("9 slots scheduled");
        await Pages.PickDateAsync(page.GetByTestId("schedule-date"), nextWeek);
        await Expect(page.GetByTestId("day-slot")).ToHaveCountAsync(9);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AReceptionistCancelsADoctorsDayAndItsBookingsAreGone()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: "/reception");
        await Pages.PickDateAsync(page.GetByTestId("reception-date"), Pages.NextWeekday());
        var day = page.GetByTestId("day-view").Filter(new() { HasText = "Dr Chloe Lind" });
        await Expect(day.GetByTestId("booked-patient").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "reception-day");

        await day.GetByRole(AriaRole.Button, new() { Name = "Cancel Dr Chloe Lind's day" }).ClickAsync();
        await Expect(page.GetByTestId("affected-patients")).ToBeVisibleAsync();
        var affected = await page.GetByTestId("affected-patients").Locator("li").CountAsync();
        await page.GetByTestId("cancel-day-reason").FillAsync("Dr Lind is unwell");
        await page.GetByRole(AriaRole.Button, new() { Name = "Cancel the day" }).ClickAsync();

        await Expect(day.GetByTestId("day-cancelled")).ToContainTextAsync("Dr Lind is unwell");
        await Expect(day.GetByTestId("booked-patient")).ToHaveCountAsync(0);

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
        var rows = admin.GetByTestId("outbox-row").Filter(new() { HasText = subject });
        await Expect(rows).ToHaveCountAsync(affected);
        await Expect(rows.First.GetByTestId("outbox-row-status")).ToContainTextAsync("Sent");
        await Pages.ScreenshotAsync(admin, "admin-outbox");
        await admin.Context.CloseAsync();
    }
}
