using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Reception books a series: every date shown first, a taken one refused with other times that week, one chosen.</summary>
[Collection(ClinicAppCollection.Name)]
public class SeriesJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ReceptionBooksAnEightWeekSeries_OneDateRefused_AndAnAlternativeChosen()
    {
        var first = Pages.Weekday(60); // beyond every other test's days, a weekday; then the same weekday for seven more weeks
        var dates = Enumerable.Range(0, 8).Select(w => first.AddDays(7 * w)).ToArray();
        var baseAddress = fixture.App.BaseAddress;
        using var lind = await ApiClient.SignedInAsync(baseAddress, "doctor3@demo.clinic");
        foreach (var date in dates)
            Assert.Equal(HttpStatusCode.Created, (await lind.PostAsJsonAsync("/api/doctors/me/days",
                new { date = date.ToString("yyyy-MM-dd"), blocks = new[] { new { start = "14:00", end = "15:00" } } })).StatusCode);
        // Another patient takes the third date's 14:00 (by phone: it is beyond how far ahead patients book online).
        using var other = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        var patient16 = (await (await other.GetAsync("/api/patients?query=patient16@demo")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        var consultation = (await (await other.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Consultation").GetProperty("serviceId").GetGuid();
        var third = (await (await other.GetAsync($"/api/availability?serviceId={consultation}&date={dates[2]:yyyy-MM-dd}")).JsonAsync()).EnumerateArray()
            .Single(c => c.GetProperty("clinicianName").GetString() == "Dr Chloe Lind").GetProperty("starts")[0];
        Assert.Equal(HttpStatusCode.Created, (await other.PostAsJsonAsync("/api/appointments",
            new { serviceId = consultation, patientId = patient16, slotIds = third.GetProperty("slotIds").EnumerateArray().Select(s => s.GetGuid()).ToArray() })).StatusCode);

        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: "/series");
        await Pages.WaitUntilInteractiveAsync(page);
        await Pages.SearchAndChooseAsync(page, page.Locator("#series-patient"), "Patient 17");
        await Pages.ChooseAsync(page, page.GetByTestId("series-visit-type"), "Consultation (10 min)");
        await Pages.ChooseAsync(page, page.GetByTestId("series-clinician"), "Dr Chloe Lind");
        await Pages.PickDateAsync(page.GetByTestId("series-first"), first);
        await Pages.ChooseAsync(page, page.GetByTestId("series-time"), "14:00");
        await page.GetByTestId("series-count").FillAsync("8");
        await page.GetByTestId("series-count").PressAsync("Tab");
        await page.GetByTestId("series-plan").ClickAsync();

        var rows = page.GetByTestId("series-date");
        await Expect(rows).ToHaveCountAsync(8);
        await Expect(page.Locator("[data-testid=series-date][data-bookable=false]")).ToHaveCountAsync(1);
        var refused = rows.Nth(2);
        await Expect(refused).ToHaveAttributeAsync("data-bookable", "false");
        await Expect(refused.GetByTestId("series-reason")).ToContainTextAsync("Nobody is free at 14:00");
        await Expect(page.GetByTestId("series-book")).ToHaveTextAsync("Book 7 appointments");
        await Expect(refused.GetByTestId("series-alternative").First).ToContainTextAsync("14:10");
        await refused.GetByTestId("series-alternative").First.ClickAsync();
        await Expect(page.GetByTestId("series-book")).ToHaveTextAsync("Book 8 appointments");
        await Pages.ScreenshotAsync(page, "reception-series-plan");
        await page.GetByTestId("series-book").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Series booked: 8 appointments");

        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        var patient = (await (await reception.GetAsync("/api/patients?query=patient17@demo")).JsonAsync())[0].GetProperty("patientId").GetGuid();
        var theirs = (await (await reception.GetAsync($"/api/appointments?patientId={patient}&limit=100")).JsonAsync()).EnumerateArray()
            .Where(a => DateOnly.FromDateTime(a.GetProperty("start").GetDateTimeOffset().DateTime) >= first).ToArray();
        Assert.Equal(8, theirs.Length);
        Assert.Equal(dates.Select((d, i) => $"{d:yyyy-MM-dd} {(i == 2 ? "14:10" : "14:00")}"),
            theirs.Select(a => a.GetProperty("start").GetDateTimeOffset()).Order().Select(s => $"{s:yyyy-MM-dd HH:mm}"));

        // The patient's page says it as one series, and cancels the rest of it.
        await page.GotoAsync($"/patients/{patient}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("patient-series")).ToContainTextAsync($"Series: Consultation, {first.DayOfWeek}s 14:00, 8 of 8 to come");
        await page.GetByTestId("cancel-series").ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Cancel the 8 appointments of this series");
        await page.GetByTestId("confirm").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Cancelled 8 appointments of the series");
        await Expect(page.GetByTestId("cancel-series")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
