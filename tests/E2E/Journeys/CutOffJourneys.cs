using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Within the practice's cut-off a patient cannot move or cancel online: the page says whom to call; staff still can.</summary>
[Collection(ClinicAppCollection.Name)]
public class CutOffJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task AnAppointmentWithinTheCutOff_SaysWhomToCall_InsteadOfMoveAndCancel_AndReceptionCancelsIt()
    {
        // An app of its own, with a cut-off of 100 hours: the next weekday is always within it, the eighth never.
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true", ["Practice:CancelCutoffHours"] = "100", ["Practice:Phone"] = "020 7946 0000",
        });
        using var patient = await ApiClient.SignedInAsync(app.BaseAddress, "patient19@demo.clinic");
        async Task<Guid> BookFirstFreeAsync(DateOnly day)
        {
            var doctors = await (await patient.GetAsync($"/api/slots?date={day:yyyy-MM-dd}")).JsonAsync();
            var slot = doctors.EnumerateArray().SelectMany(d => d.GetProperty("slots").EnumerateArray()).First().GetProperty("slotId").GetGuid();
            using var booked = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slot } });
            Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
            return (await booked.JsonAsync()).GetProperty("bookingId").GetGuid();
        }
        var near = await BookFirstFreeAsync(Pages.Weekday(1));
        await BookFirstFreeAsync(Pages.Weekday(8));

        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(page, "patient19@demo.clinic", then: "/my-bookings");
        await Pages.WaitUntilInteractiveAsync(page);
        var soon = page.GetByTestId("booking").Filter(new() { HasText = Pages.Weekday(1).ToString("ddd d MMM") });
        var later = page.GetByTestId("booking").Filter(new() { HasText = Pages.Weekday(8).ToString("ddd d MMM") });
        // (The demo may have booked this patient that day too, depending on the day the suite runs.)
        await Expect(soon.First.GetByTestId("too-late-to-change")).ToContainTextAsync("Within 100 hours of the start it can no longer be changed online: call 020 7946 0000");
        var soonBefore = await soon.CountAsync();
        await Expect(soon.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToHaveCountAsync(0);
        await Expect(later.First.GetByRole(AriaRole.Button, new() { Name = "Cancel" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-my-bookings-cut-off");

        await (await patient.DeleteAsync($"/api/bookings/{near}")).AssertProblemAsync(HttpStatusCode.Conflict, "too_late_to_change_online");
        using var reception = await ApiClient.SignedInAsync(app.BaseAddress, "reception@demo.clinic");
        using var cancelled = await reception.DeleteAsync($"/api/bookings/{near}");
        Assert.True(cancelled.IsSuccessStatusCode, $"{cancelled.StatusCode}");
        await Expect(soon).ToHaveCountAsync(soonBefore - 1, new() { Timeout = 10_000 }); // the page follows the log
        await page.Context.CloseAsync();
    }
}
