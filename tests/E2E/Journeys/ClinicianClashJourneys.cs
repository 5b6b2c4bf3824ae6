using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Reception squeezes a patient into a doctor's booked time with a reason; the calendar shows both, and the desk resolves it.</summary>
[Collection(ClinicAppCollection.Name)]
public class ClinicianClashJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ReceptionSqueezesAPatientIntoDrLindsBookedTime_TheCalendarShowsBoth_AndTheDeskReassignsOneToDrOkafor()
    {
        var day = Pages.Weekday(29); // beyond the demo's days, and no other test's
        var date = day.ToString("yyyy-MM-dd");
        var baseAddress = fixture.App.BaseAddress;
        async Task<Guid[]> ScheduleAsync(string email)
        {
            using var clinician = await ApiClient.SignedInAsync(baseAddress, email);
            using var response = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date, blocks = new[] { new { start = "09:00", end = "09:30" } } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        }
        var lind = await ScheduleAsync("doctor3@demo.clinic");
        await ScheduleAsync("doctor2@demo.clinic");
        using var patient = await ApiClient.SignedInAsync(baseAddress, "patient13@demo.clinic");
        var consultation = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Consultation").GetProperty("serviceId").GetGuid();
        using (var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = consultation, slotIds = new[] { lind[0] } }))
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/book?date={date}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Pages.SearchAndChooseAsync(page, page.Locator("#patient-search"), "Patient 14");
        await Expect(page.GetByTestId("chosen-patient")).ToContainTextAsync("Patient 14");
        var lindsTimes = page.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer");
        await Expect(lindsTimes.First).ToHaveTextAsync("09:10"); // 09:00 is Patient 13's

        await page.Locator("input[data-testid=show-clashes], [data-testid=show-clashes] input").First.CheckAsync();
        var over = page.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer.booked-clash");
        await Expect(over).ToHaveTextAsync("09:00");
        await over.ClickAsync();
        await Expect(page.GetByTestId("reason-message")).ToContainTextAsync("Dr Chloe Lind already has another patient for some of 09:00–09:10");
        await page.Locator("#override-reason").FillAsync("Urgent: seen between patients, Dr Lind agreed");
        await page.GetByTestId("reason-confirm").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Booked");

        // Both patients at 09:00 in Dr Lind's column, side by side.
        await page.GotoAsync($"/reception?date={date}");
        var both = Pages.GridBlocks(page, "Dr Chloe Lind", "booked").And(page.Locator("[data-start='09:00']"));
        await Expect(both).ToHaveCountAsync(2);
        await Expect(both.Nth(0)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("tg-laned"));
        // Measured in one go in the page (a live page may redraw the blocks between two separate reads).
        const string SideBySide = """
            els => {
                const [a, b] = els.map(e => e.getBoundingClientRect());
                return els.length === 2 && a.width > 0 && b.width > 0 && (a.right <= b.left + 1 || b.right <= a.left + 1);
            }
            """;
        await Poll.AssertAsync(() => both.EvaluateAllAsync<bool>(SideBySide), "the two blocks overlap on screen", TimeSpan.FromSeconds(2));
        await Expect(both.Locator("[data-testid=booked-patient]").Filter(new() { HasText = "Patient 13" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "reception-day-squeezed-in");

        await page.GotoAsync("/conflicts");
        var row = page.Locator("tr.conflict-row").Filter(new() { HasText = "Dr Chloe Lind also sees Patient 13" });
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("Urgent: seen between patients, Dr Lind agreed");
        await Pages.ScreenshotAsync(page, "reception-conflicts-clinician-double-booked");
        await row.Locator("button.reassign").Filter(new() { HasText = "Dr Ben Okafor" }).ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Reassigned");
        await Expect(row).ToHaveCountAsync(0);

        await page.GotoAsync($"/reception?date={date}");
        await Expect(Pages.GridBlocks(page, "Dr Ben Okafor", "booked")).ToContainTextAsync("Patient 14");
        await Expect(Pages.GridBlocks(page, "Dr Chloe Lind", "booked")).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }
}
