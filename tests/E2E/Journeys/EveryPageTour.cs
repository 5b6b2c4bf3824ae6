using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>
/// Every main page of every role, as each person sees it: at 1280 px and at a phone's 390 px, with a screenshot
/// of each in artifacts/screenshots, no serious or critical accessibility violation (axe), and no page that
/// scrolls sideways on a phone.
/// </summary>
[Collection(ClinicAppCollection.Name)]
public class EveryPageTour(ClinicAppFixture fixture)
{
    public static TheoryData<string, string?, string, bool> Pages_ => new()
    {
        { "visitor-home", null, "/", false },
        { "visitor-sign-in", null, "/account/login", false },
        { "visitor-sign-in-dark", null, "/account/login", true },
        { "visitor-register", null, "/account/register", false },
        { "visitor-forgot-password", null, "/account/forgot-password", false },
        { "visitor-confirm-email-bad-link", null, "/account/confirm-email?userId=x&code=y", false },
        { "patient-home", "patient3@demo.clinic", "/", false },
        { "patient-book", "patient3@demo.clinic", $"/book?date={Day}", false },
        { "patient-book-dark", "patient3@demo.clinic", $"/book?date={Day}", true },
        { "patient-my-bookings", "patient3@demo.clinic", "/my-bookings", false },
        { "clinician-schedule", "doctor1@demo.clinic", $"/schedule?date={Day}", false },
        { "clinician-schedule-week", "doctor1@demo.clinic", $"/schedule?date={Day}#week", false },
        { "reception-day", "reception@demo.clinic", $"/reception?date={Day}", false },
        { "reception-day-dark", "reception@demo.clinic", $"/reception?date={Day}", true },
        { "reception-book-for-patient", "reception@demo.clinic", $"/book?date={Day}", false },
        { "reception-patients", "reception@demo.clinic", "/patients", false },
        { "reception-series", "reception@demo.clinic", "/series", false },
        { "patient-series-none", "patient3@demo.clinic", "/series", false },
        { "patient-my-account", "patient3@demo.clinic", "/my-account", false },
        { "patient-my-data", "patient3@demo.clinic", "/my-data", false },
        { "admin-staff", "admin@demo.clinic", "/admin/staff", false },
        { "admin-settings", "admin@demo.clinic", "/admin/settings", false },
        { "admin-retention", "admin@demo.clinic", "/admin/retention", false },
        { "admin-audit", "admin@demo.clinic", "/admin/audit", false },
        { "admin-outbox", "admin@demo.clinic", "/admin/outbox", false },
        { "admin-clinicians-schedules", "admin@demo.clinic", $"/schedule?date={Day}", false },
        { "admin-visit-types", "admin@demo.clinic", "/admin/visit-types", false },
        { "nurse-schedule", "nurse1@demo.clinic", $"/schedule?date={Day}", false },
        { "admin-rooms", "admin@demo.clinic", "/admin/rooms", false },
        { "admin-waitlist", "admin@demo.clinic", "/admin/waitlist", false },
        { "admin-dashboard", "admin@demo.clinic", "/admin/dashboard", false },
        { "patient-offer-unknown-link", "patient3@demo.clinic", "/offers/00000000-0000-0000-0000-000000000001", false },
        { "reception-conflicts-empty", "reception@demo.clinic", "/conflicts", false },
        { "reception-patient-unknown-link", "reception@demo.clinic", "/patients/00000000-0000-0000-0000-000000000001", false },
    };

    private static string Day => Pages.Weekday(8).ToString("yyyy-MM-dd");

    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";

    [Theory]
    [MemberData(nameof(Pages_))]
    public async Task EveryMainPageLooksFinishedIsAccessibleAndFitsAPhone(string name, string? account, string path, bool dark)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress, dark ? ColorScheme.Dark : ColorScheme.Light);
        var errors = ConsoleErrors(page);
        if (account is not null)
            await Pages.SignInAsync(page, account);

        await OpenAsync(page, path);
        await Pages.ScreenshotAsync(page, name);
        var skipped = await page.EvaluateAsync<string[]>(
            """
            () => {
                let previous = 0; const skips = [];
                for (const heading of document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")) {
                    const level = Number(heading.tagName[1]);
                    if (level > previous + 1) skips.push(`${heading.tagName} "${heading.textContent.trim()}" after ${previous ? "h" + previous : "no heading"}`);
                    previous = level;
                }
                return skips;
            }
            """);
        Assert.True(skipped.Length == 0, $"{name} skips a heading level: {string.Join("; ", skipped)}");
        var axe = await page.RunAxe();
        var serious = axe.Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, $"{name}: {string.Join("\n", serious.Select(Describe))}");

        await page.SetViewportSizeAsync(390, 844);
        await OpenAsync(page, path);
        await Pages.ScreenshotAsync(page, $"{name}-phone");
        var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth");
        Assert.True(overflow <= 0, $"{name} scrolls sideways by {overflow} px at 390 px wide.");
        var seriousOnAPhone = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(seriousOnAPhone.Length == 0, $"{name} at 390 px: {string.Join("\n", seriousOnAPhone.Select(Describe))}");
        Assert.True(errors.Count == 0, $"{name} logged errors in the browser's console:\n{string.Join("\n", errors)}");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheConflictsDeskWithConflictsOnIt_LooksFinishedIsAccessibleAndFitsAPhone()
    {
        // An app of its own: a squeeze-in and a patient booked twice at once put rows on its desk.
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string> { ["Seed:Demo"] = "true" });
        var day = Pages.Weekday(30).ToString("yyyy-MM-dd");
        using var doctor = await ApiClient.SignedInAsync(app.BaseAddress, "doctor1@demo.clinic");
        using var scheduled = await doctor.PostJsonAsync("/api/doctors/me/days", $$"""{"date":"{{day}}","blocks":[{"start":"09:00","end":"10:00"}]}""");
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid();
        using var first = await ApiClient.SignedInAsync(app.BaseAddress, "patient17@demo.clinic");
        using (var booked = await first.PostJsonAsync("/api/appointments", $$"""{"serviceId":"{{Consultation}}","slotIds":["{{slot}}"]}"""))
            Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode);
        using var reception = await ApiClient.SignedInAsync(app.BaseAddress, "reception@demo.clinic");
        var patient = (await (await reception.GetAsync("/api/patients?query=patient18%40demo.clinic")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        using (var squeezed = await reception.PostJsonAsync("/api/appointments",
            $$"""{"serviceId":"{{Consultation}}","slotIds":["{{slot}}"],"patientId":"{{patient}}","overrideReason":"Urgent: seen between patients"}"""))
            Assert.Equal(System.Net.HttpStatusCode.Created, squeezed.StatusCode);

        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        var errors = ConsoleErrors(page);
        await Pages.SignInAsync(page, "reception@demo.clinic");
        await OpenAsync(page, "/conflicts");
        await Expect(page.GetByTestId("conflict-what").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "reception-conflicts");
        var serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious.Select(Describe)));
        await page.SetViewportSizeAsync(390, 844);
        await OpenAsync(page, "/conflicts");
        await Pages.ScreenshotAsync(page, "reception-conflicts-phone");
        serious = (await page.RunAxe()).Violations.Where(v => v.Impact is "serious" or "critical").ToArray();
        Assert.True(serious.Length == 0, string.Join("\n", serious.Select(Describe)));
        Assert.True(errors.Count == 0, string.Join("\n", errors));
        await page.Context.CloseAsync();
    }

    /// <summary>Every error the page logs in the browser's console (a script the policy blocked, a script that threw), as it happens.</summary>
    private static List<string> ConsoleErrors(IPage page)
    {
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
                lock (errors) errors.Add(message.Text);
        };
        page.PageError += (_, error) =>
        {
            lock (errors) errors.Add(error);
        };
        return errors;
    }

    /// <summary>Goes to the page and waits until its circuit is live and it has loaded what it shows.</summary>
    private static async Task OpenAsync(IPage page, string path)
    {
        var week = path.EndsWith("#week", StringComparison.Ordinal);
        await page.GotoAsync(week ? path[..^5] : path);
        await Expect(page.Locator("h1")).ToBeVisibleAsync();
        await Pages.WaitUntilInteractiveAsync(page);
        if (week)
            await page.GetByRole(AriaRole.Tab, new() { Name = "Week" }).ClickAsync();
        await Expect(page.GetByTestId("busy")).ToHaveCountAsync(0);
    }

    private static string Describe(AxeResultItem violation) =>
        $"{violation.Id} ({violation.Impact}): {violation.Help}\n    " +
        string.Join("\n    ", violation.Nodes.Take(3).Select(n => n.Html));
}
