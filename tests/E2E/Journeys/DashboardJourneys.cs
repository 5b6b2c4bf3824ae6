using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>The owner's dashboard and its API: the figures of a range, live, as JSON and as CSV.</summary>
[Collection(ClinicAppCollection.Name)]
public class DashboardJourneys(ClinicAppFixture fixture)
{
    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";

    [Fact]
    public async Task TheOwnerSeesTheFiguresChangeWhenADayIsCancelled_AndDownloadsThemAsCsv()
    {
        var day = Pages.Weekday(39); // beyond the demo's days, and no other test's
        var baseAddress = fixture.App.BaseAddress;
        using var doctor = await ApiClient.SignedInAsync(baseAddress, "doctor3@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = $"{day:yyyy-MM-dd}", blocks = new[] { new { start = "10:00", end = "11:00" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var schedule = await scheduled.JsonAsync();
        var doctorId = schedule.GetProperty("doctorId").GetGuid();
        var slots = schedule.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        foreach (var (patient, slot) in new[] { ("patient11@demo.clinic", slots[0]), ("patient12@demo.clinic", slots[1]) })
        {
            using var client = await ApiClient.SignedInAsync(baseAddress, patient);
            using var booked = await client.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        }

        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "admin@demo.clinic", then: $"/admin/dashboard?from={day:yyyy-MM-dd}&to={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("tile-offered-value")).ToHaveTextAsync("6");
        await Expect(page.GetByTestId("tile-utilisation-value")).ToHaveTextAsync("33%");
        await Expect(page.GetByTestId("cancelled-day")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("chart-utilisation")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "owner-dashboard");
        // A custom range: neither preset is marked chosen; choosing one marks it plainly (pressed, filled, ticked).
        await Expect(page.GetByTestId("range-week")).ToHaveAttributeAsync("aria-pressed", "false");

        // Reception cancels the day: the open dashboard follows.
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        using var cancelled = await reception.PostAsJsonAsync($"/api/doctors/{doctorId}/days/{day:yyyy-MM-dd}/cancel", new { reason = "Training day" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await Expect(page.GetByTestId("cancelled-day")).ToHaveTextAsync("2", new() { Timeout = 10_000 });
        await Expect(page.GetByTestId("tile-offered-value")).ToHaveTextAsync("0");
        await Expect(page.GetByTestId("tile-cancellations-value")).ToHaveTextAsync("2");
        await Expect(page.GetByTestId("chart-cancellations")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "owner-dashboard-after-day-cancelled");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("download-csv").ClickAsync());
        Assert.Equal($"clinicportal-{day:yyyy-MM-dd}-to-{day:yyyy-MM-dd}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains($"{day:yyyy-MM-dd},{day:yyyy-MM-dd},,All clinicians,0,0,0,0,0,0,0,0,2,0,", csv);

        // A custom range that ends before it starts is said next to the field, and the figures shown stay.
        await Pages.PickDateAsync(page.GetByTestId("range-to"), day.AddDays(-3));
        await Expect(page.GetByText("The range must end on or after the day it starts.")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("cancelled-day")).ToHaveTextAsync("2");

        await page.GetByTestId("range-four-weeks").ClickAsync();
        await Expect(page.GetByTestId("range-four-weeks")).ToHaveAttributeAsync("aria-pressed", "true");
        await Expect(page.GetByTestId("range-week")).ToHaveAttributeAsync("aria-pressed", "false");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheSummaryApi_AnswersTheOwnerInJsonOrCsv_AndNobodyElse()
    {
        var baseAddress = fixture.App.BaseAddress;
        var (from, to) = (Pages.Weekday(1).AddDays(-14), Pages.Weekday(1).AddDays(14));
        using var owner = await ApiClient.SignedInAsync(baseAddress, "admin@demo.clinic");
        using var summary = await owner.GetAsync($"/api/reports/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
        var json = await summary.JsonAsync();
        Assert.True(json.GetProperty("slotsOffered").GetInt32() > 0, "The demo practice offers slots around today.");
        foreach (var field in new[] { "slotsBooked", "arrivals", "noShows", "newPatients" })
            Assert.True(json.GetProperty(field).GetInt32() >= 0);
        foreach (var cause in new[] { "patient", "staff", "dayCancelled", "monthlyLimit" })
            Assert.True(json.GetProperty("cancellations").GetProperty(cause).GetInt32() >= 0);
        var clinician = json.GetProperty("byClinician")[0];
        Assert.False(string.IsNullOrEmpty(clinician.GetProperty("name").GetString()));
        Assert.True(clinician.GetProperty("slotsOffered").GetInt32() > 0);
        Assert.Contains(json.GetProperty("medianLeadTimeHours").ValueKind, new[] { System.Text.Json.JsonValueKind.Number, System.Text.Json.JsonValueKind.Null });

        using var asCsv = new HttpRequestMessage(HttpMethod.Get, $"/api/reports/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
        asCsv.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/csv"));
        using var csv = await owner.SendAsync(asCsv);
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var lines = (await csv.Content.ReadAsStringAsync()).TrimEnd().Split('\n');
        Assert.StartsWith("from,to,clinician_id,clinician,slots_offered", lines[0]);
        Assert.Contains($",All clinicians,{json.GetProperty("slotsOffered").GetInt32()},{json.GetProperty("slotsBooked").GetInt32()},", lines[^1]);

        using var backwards = await owner.GetAsync($"/api/reports/summary?from={to:yyyy-MM-dd}&to={from:yyyy-MM-dd}");
        await backwards.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var missing = await owner.GetAsync("/api/reports/summary?from=yesterday");
        await missing.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        Assert.Equal(HttpStatusCode.Forbidden, (await reception.GetAsync($"/api/reports/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).StatusCode);
        using var anonymous = new HttpClient { BaseAddress = baseAddress };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/reports/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).StatusCode);
    }

    [Fact]
    public async Task TheOwnerSharesTheDashboardWithReception_WhoSeeThePracticesFiguresButNoClinicians()
    {
        var baseAddress = fixture.App.BaseAddress;
        var (from, to) = (Pages.Weekday(1).AddDays(-14), Pages.Weekday(1).AddDays(14));
        var summaryAddress = $"/api/reports/summary?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}";
        var reception = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(reception, "reception@demo.clinic", then: "/admin/dashboard");
        await Expect(reception.GetByTestId("dashboard-not-shared")).ToBeVisibleAsync();
        await Expect(reception.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Dashboard" })).ToHaveCountAsync(0);

        var owner = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(owner, "admin@demo.clinic", then: "/admin/settings");
        try
        {
            await SetSharedAsync(owner, true);

            await reception.GotoAsync($"/admin/dashboard?from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}");
            await Pages.WaitUntilInteractiveAsync(reception);
            await Expect(reception.GetByTestId("tile-offered-value")).Not.ToHaveTextAsync("0");
            await Expect(reception.GetByTestId("chart-utilisation")).ToBeVisibleAsync();
            await Expect(reception.GetByTestId("no-clinician-figures")).ToBeVisibleAsync();
            await Expect(reception.GetByTestId("clinician-figures")).ToHaveCountAsync(0);
            await Expect(reception.GetByRole(Microsoft.Playwright.AriaRole.Link, new() { Name = "Dashboard" })).ToBeVisibleAsync();
            await Pages.ScreenshotAsync(reception, "reception-dashboard-shared");

            var download = await reception.RunAndWaitForDownloadAsync(() => reception.GetByTestId("download-csv").ClickAsync());
            var csv = (await File.ReadAllTextAsync((await download.PathAsync())!)).TrimEnd().Split('\n');
            Assert.Equal(2, csv.Length);
            Assert.Contains(",All clinicians,", csv[1]);

            using var api = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
            using var summary = await api.GetAsync(summaryAddress);
            Assert.Equal(HttpStatusCode.OK, summary.StatusCode);
            var json = await summary.JsonAsync();
            Assert.True(json.GetProperty("slotsOffered").GetInt32() > 0);
            Assert.Equal(0, json.GetProperty("byClinician").GetArrayLength());
        }
        finally
        {
            await SetSharedAsync(owner, false);
        }
        using var afterwards = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        using var refused = await afterwards.GetAsync(summaryAddress);
        await refused.AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        await reception.Context.CloseAsync();
        await owner.Context.CloseAsync();
    }

    /// <summary>The owner turns "Reception sees the dashboard" on or off in the settings and saves them.</summary>
    private static async Task SetSharedAsync(Microsoft.Playwright.IPage owner, bool shared)
    {
        await owner.GotoAsync("/admin/settings");
        await Pages.WaitUntilInteractiveAsync(owner);
        // Each number says its allowed range next to it, rather than changing what was typed without a word.
        await Expect(owner.GetByText("Patients book at most this many days ahead (1 to")).ToBeVisibleAsync();
        var toggle = owner.GetByLabel("Reception sees the dashboard");
        if (await toggle.IsCheckedAsync() != shared)
            await toggle.ClickAsync(new() { Force = true });
        await Expect(toggle).ToBeCheckedAsync(new() { Checked = shared });
        await owner.GetByRole(Microsoft.Playwright.AriaRole.Button, new() { Name = "Save settings" }).ClickAsync();
        await Expect(owner.GetByText("The practice settings are saved.")).ToBeVisibleAsync();
    }
}
