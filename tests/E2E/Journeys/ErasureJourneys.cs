using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>
/// A patient books with a reason and finds it in their data; the day after that appointment, the owner cancels their appointment still to
/// come, erases them, and the calendar shows "Erased patient" at their past appointment while the week's figures stay.
/// The journey runs on an app of its own, restarted on the same data later (a past appointment needs time to pass).
/// </summary>
[Collection(ClinicAppCollection.Name)]
public class ErasureJourneys(ClinicAppFixture fixture)
{
    private const string Reason = "a lump I am worried about";

    [Fact]
    public async Task TheOwnerErasesAPatient_AndTheCalendarKeepsTheirPastAppointmentAsErasedPatient_WithTheFiguresUnchanged()
    {
        var data = Directory.CreateTempSubdirectory("clinicportal-erasure-").FullName;
        // Beyond the demo's days: the appointment that will be past, and one two weekdays later.
        var (monday, past, toCome) = (SuiteClock.Now, Pages.Weekday(15), Pages.Weekday(17));
        var email = $"nora-{Guid.NewGuid():N}@example.test";
        Guid patientId;
        await using (var first = await AppProcess.StartAsync(dataDirectory: data, settings: Settings(monday)))
        {
            foreach (var day in new[] { past, toCome })
                await ApiClient.OpenDayAsync(first.BaseAddress, "doctor3@demo.clinic", day, "09:00", "09:30");
            var page = await fixture.Browser.NewPageAsync(first.BaseAddress);
            await Pages.RegisterAsync(page, first, "Nora Erase", email);
            await BookAsync(page, past, Reason);
            await BookAsync(page, toCome, null);

            await page.GotoAsync("/my-data");
            await Expect(page.GetByTestId("data-reason").First).ToHaveTextAsync(Reason);
            var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("data-download").ClickAsync());
            using var file = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
            Assert.Contains(file.RootElement.GetProperty("appointments").EnumerateArray(), a => a.GetProperty("reason").GetString() == Reason);
            await page.Context.CloseAsync();

            using var desk = await ApiClient.SignedInAsync(first.BaseAddress, "reception@demo.clinic");
            patientId = (await (await desk.GetAsync("/api/patients?query=Nora Erase")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        }

        // The morning after the first appointment: it is past, the other still to come.
        await using var app = await AppProcess.StartAsync(dataDirectory: data, settings: Settings(monday.AddDays(past.DayNumber - SuiteClock.Today.DayNumber + 1)));
        var owner = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(owner, "admin@demo.clinic", then: $"/patients/{patientId}");
        await Pages.WaitUntilInteractiveAsync(owner);
        await owner.GetByTestId("erase-patient").ClickAsync();
        var dialog = owner.GetByRole(AriaRole.Dialog);
        await Expect(dialog.GetByTestId("erase-to-come")).ToContainTextAsync("1 appointment to come");
        await dialog.GetByTestId("erase-cancel-to-come").ClickAsync();
        await Expect(dialog.GetByTestId("erase-cancel-to-come")).ToHaveCountAsync(0);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep the patient" }).ClickAsync();
        var figures = await FiguresAsync(owner, past, toCome);

        await owner.GotoAsync($"/patients/{patientId}");
        await Pages.WaitUntilInteractiveAsync(owner);
        await owner.GetByTestId("erase-patient").ClickAsync();
        var understood = dialog.GetByLabel("I understand that this cannot be undone.");
        // The cancellation's email is made and sent first (within a second or two): until then the dialog says so.
        await Expect(understood.Or(dialog.GetByTestId("erase-emails-waiting"))).ToBeVisibleAsync();
        for (var tries = 0; tries < 40 && await dialog.GetByTestId("erase-emails-waiting").IsVisibleAsync(); tries++)
        {
            await Task.Delay(250);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "Check again" }).ClickAsync();
        }
        await Pages.ScreenshotAsync(owner, "owner-erase-patient");
        await understood.CheckAsync();
        await dialog.GetByTestId("erase-confirm").ClickAsync();
        await Expect(Pages.Outcomes(owner).GetByText("Erased", new() { Exact = true })).ToBeVisibleAsync();
        var erasedName = $"Erased patient {patientId.ToString("N")[^4..]}";
        await Expect(owner.Locator("h1")).ToContainTextAsync(erasedName);

        await owner.GotoAsync($"/reception?date={past:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(owner);
        await Expect(owner.Locator(".time-grid").GetByText(erasedName)).ToBeVisibleAsync();
        await Expect(owner.Locator(".time-grid").GetByText("Nora Erase")).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(owner, "owner-calendar-erased-patient");
        Assert.Equal(figures, await FiguresAsync(owner, past, toCome));

        var again = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Expect(await Pages.RefusedSignInAsync(again, email, "Welcome123")).ToBeVisibleAsync(); // no account left to sign in to
        await again.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task ThirteenMonthsOn_TheOwnerSetsAYearsKeeping_AndErasesThoseTheyChooseOfThePatientsPastIt()
    {
        var data = Directory.CreateTempSubdirectory("clinicportal-retention-").FullName;
        await using (await AppProcess.StartAsync(dataDirectory: data, settings: Settings(SuiteClock.Now)))
        {
            // The demo practice as it is made: its patients registered now, with appointments this week.
        }
        await using var app = await AppProcess.StartAsync(dataDirectory: data, settings: Settings(SuiteClock.Now.AddDays(396)));
        var owner = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(owner, "admin@demo.clinic", then: "/admin/retention");
        await Pages.WaitUntilInteractiveAsync(owner);
        await Expect(owner.GetByTestId("retention-off")).ToBeVisibleAsync();

        await owner.GotoAsync("/admin/settings");
        await Pages.WaitUntilInteractiveAsync(owner);
        await owner.Locator("#practice-retention-months").FillAsync("12");
        await owner.GetByRole(AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(Pages.Outcomes(owner).GetByText("Saved", new() { Exact = true })).ToBeVisibleAsync();

        await owner.GotoAsync("/admin/retention");
        await Pages.WaitUntilInteractiveAsync(owner);
        var rows = owner.GetByTestId("retention-table").Locator("tbody tr");
        await Expect(rows.First).ToContainTextAsync("last appointment");
        var listed = await rows.CountAsync();
        Assert.True(listed >= 3, $"{listed} listed");
        await owner.SetViewportSizeAsync(390, 844);
        await Pages.ScreenshotAsync(owner, "owner-past-keeping-phone");
        Assert.True(await owner.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "Past keeping scrolls sideways at 390 px.");
        await owner.SetViewportSizeAsync(1280, 900);
        await Pages.ScreenshotAsync(owner, "owner-past-keeping");

        // Keep all but the first two: untick the rest.
        await owner.GetByRole(AriaRole.Button, new() { Name = "Choose none" }).ClickAsync();
        var names = new List<string>();
        for (var i = 0; i < 2; i++)
        {
            var choice = rows.Nth(i).Locator("label");
            names.Add((await choice.InnerTextAsync()).Trim());
            await choice.ClickAsync();
        }
        await owner.GetByTestId("retention-erase").ClickAsync();
        var dialog = owner.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("This cannot be undone.");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Erase 2 for good" }).ClickAsync();
        await Expect(Pages.Outcomes(owner).GetByText("Erased", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(rows).ToHaveCountAsync(listed - 2);
        foreach (var name in names)
            await Expect(owner.GetByTestId("retention-table").GetByText(name, new() { Exact = true })).ToHaveCountAsync(0);
        await owner.Context.CloseAsync();
    }

    private static Dictionary<string, string> Settings(DateTimeOffset startsAt) =>
        new() { ["Seed:Demo"] = "true", ["Clock:StartsAt"] = startsAt.ToString("O") };

    private static async Task BookAsync(IPage page, DateOnly day, string? reason)
    {
        await Pages.ShowAppointmentDayAsync(page, day);
        if (reason is not null)
            await page.GetByTestId("reason").FillAsync(reason);
        await page.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true }).Last).ToBeVisibleAsync();
    }

    /// <summary>The dashboard's figures for the days, as shown: the tiles, the cancellations and each clinician's.</summary>
    private static async Task<string> FiguresAsync(IPage page, DateOnly from, DateOnly to)
    {
        await page.GotoAsync($"/admin/dashboard?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("tile-offered-value")).ToBeVisibleAsync();
        var shown = await page.Locator("[data-testid$='-value'], [data-testid=cancellation-figures], [data-testid=clinician-figures]").AllInnerTextsAsync();
        return string.Join(" | ", shown);
    }
}
