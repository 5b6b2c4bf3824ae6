using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using ClinicPortal.Tests.Shared;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>A patient waits for a full day; a cancellation frees a time, they are emailed it, and the link books it.</summary>
[Collection(ClinicAppCollection.Name)]
public partial class WaitlistJourneys(ClinicAppFixture fixture)
{
    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";

    [GeneratedRegex(@"https?://[^\s""<>]+/offers/[0-9a-f-]{36}")]
    private static partial Regex OfferLink();

    [Fact]
    public async Task AWaitingPatientIsEmailedTheFreedTime_AndBooksItFromTheLink()
    {
        var day = Pages.Weekday(34); // beyond the demo's days, and no other test's
        var baseAddress = fixture.App.BaseAddress;
        using var doctor = await ApiClient.SignedInAsync(baseAddress, "doctor3@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = $"{day:yyyy-MM-dd}", blocks = new[] { new { start = "10:00", end = "10:10" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid();
        using var other = await ApiClient.SignedInAsync(baseAddress, "patient18@demo.clinic");
        using var booked = await other.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookingId = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();

        // The day is full: the patient asks to be told when a time frees up.
        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "patient17@demo.clinic", then: $"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("no-slots")).ToBeVisibleAsync();
        await page.GetByTestId("join-waitlist").ClickAsync();
        await Expect(page.GetByTestId("wait-dialog")).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-join-waitlist");
        await page.GetByTestId("wait-join").ClickAsync();
        await Expect(Pages.Outcomes(page).Last).ToHaveTextAsync("You are on the waiting list");
        await page.GotoAsync("/my-bookings");
        await Expect(page.GetByTestId("wait")).ToContainTextAsync(day.ToString("ddd d MMM"));

        // The other patient cancels: the time is kept for the first in line, who is emailed a link that books it.
        using var cancelled = await other.DeleteAsync($"/api/bookings/{bookingId}");
        Assert.True(cancelled.IsSuccessStatusCode, $"{cancelled.StatusCode}");
        var offer = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory),
            m => m.Contains("To: patient17@demo.clinic") && m.Contains("A time came free"));
        await Expect(page.GetByTestId("wait-offer")).ToContainTextAsync("10:00", new() { Timeout = 10_000 }); // My bookings shows it live
        await Pages.ScreenshotAsync(page, "patient-my-bookings-wait-offer");

        await page.GotoAsync(OfferLink().Match(offer).Value);
        await Expect(page.GetByTestId("offer-booked")).ToContainTextAsync($"Dr Chloe Lind on {day:dddd d MMMM} at 10:00");
        await Pages.ScreenshotAsync(page, "patient-offer-booked");
        await page.GotoAsync("/my-bookings");
        await Expect(page.GetByTestId("booking").Filter(new() { HasText = day.ToString("ddd d MMM") })).ToContainTextAsync("10:00");
        await Expect(page.GetByTestId("wait")).ToHaveCountAsync(0);
        await page.Context.CloseAsync();
    }
}
