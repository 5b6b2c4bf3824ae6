using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>
/// The schedule as it stood at a past moment: reception sees a booking that was cancelled since, by the API, the calendar and
/// the audit trail; a clinician sees it on their schedule, and staff in the patient's bookings.
/// </summary>
[Collection(ClinicAppCollection.Name)]
public class AsOfJourneys(ClinicAppFixture fixture)
{
    private const string Consultation = "0000c0de-0000-4000-8000-000000000010";
    private static readonly TimeZoneInfo London = TimeZoneInfo.FindSystemTimeZoneById("Europe/London");

    [Fact]
    public async Task ReceptionOpensTheDayAsItStoodBeforeAnAppointmentWasCancelled_AndSeesIt()
    {
        var day = Pages.Weekday(41); // beyond the demo's days, and no other test's
        var baseAddress = fixture.App.BaseAddress;
        using var doctor = await ApiClient.SignedInAsync(baseAddress, "doctor2@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = $"{day:yyyy-MM-dd}", blocks = new[] { new { start = "10:00", end = "10:30" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid();
        using var patient = await ApiClient.SignedInAsync(baseAddress, "patient13@demo.clinic");
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var bookingId = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();

        // A moment while it was booked, then the cancellation.
        await Poll.PastAsync(() => SuiteClock.Now, SuiteClock.Now.AddSeconds(1.1));
        var then = SuiteClock.Now;
        await Poll.PastAsync(() => SuiteClock.Now, then.AddSeconds(1.1));
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        Assert.True((await reception.DeleteAsync($"/api/bookings/{bookingId}")).IsSuccessStatusCode);

        // The API: now the slot is free; as of then, it was the patient's.
        var now = await (await reception.GetAsync($"/api/days/{day:yyyy-MM-dd}")).JsonAsync();
        Assert.Equal("free", SlotOf(now, slot).GetProperty("state").GetString());
        using var pastAnswer = await reception.GetAsync($"/api/days/{day:yyyy-MM-dd}?asOf={Uri.EscapeDataString(then.ToString("O"))}");
        Assert.Equal(HttpStatusCode.OK, pastAnswer.StatusCode);
        var past = SlotOf(await pastAnswer.JsonAsync(), slot);
        Assert.Equal("booked", past.GetProperty("state").GetString());
        Assert.Equal(bookingId, past.GetProperty("bookingId").GetGuid());
        var name = past.GetProperty("patientName").GetString()!;
        using var future = await reception.GetAsync($"/api/days/{day:yyyy-MM-dd}?asOf={Uri.EscapeDataString(SuiteClock.Now.AddHours(1).ToString("O"))}");
        await future.AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed"); // a moment to come has no view

        // The calendar as of then shows the booking, says it is a past view, and changes nothing.
        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/reception?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByTestId("busy")).ToHaveCountAsync(0);
        await Expect(page.Locator(".time-grid").GetByText(name)).ToHaveCountAsync(0);
        await page.Locator("#as-of-input").FillAsync(AsTyped(then));
        await page.GetByTestId("as-of-show").ClickAsync();
        await Expect(page.GetByTestId("as-of-banner")).ToContainTextAsync("A past view");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(".time-grid").GetByText(name)).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Cancel .*'s day$") })).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(page, "reception-day-as-of");
        await page.GetByTestId("as-of-now").ClickAsync();
        await Expect(page.GetByTestId("as-of-banner")).ToHaveCountAsync(0);
        await Expect(page.Locator(".time-grid").GetByText(name)).ToHaveCountAsync(0);
        await page.Context.CloseAsync();

        // The owner's audit trail links each change of a day to the day just before it.
        var owner = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(owner, "admin@demo.clinic", then: $"/admin/audit?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(owner); // a link clicked while the page starts can be lost to its first render
        await Expect(owner.GetByTestId("audit-entry").First).ToContainTextAsync("cancel", new() { IgnoreCase = true });
        await owner.GetByTestId("audit-day-before").First.ClickAsync();
        await Expect(owner.GetByTestId("as-of-banner")).ToBeVisibleAsync();
        await Pages.WaitUntilInteractiveAsync(owner);
        await Expect(owner.Locator(".time-grid").GetByText(name)).ToBeVisibleAsync();
        await owner.GetByTestId("as-of-changes").ClickAsync();
        await Expect(owner.GetByTestId("audit-since")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("audit-entry")).ToHaveCountAsync(1);
        await owner.Context.CloseAsync();
    }

    [Fact]
    public async Task TheClinicianAndStaffSeeTheScheduleAndThePatientsAppointments_AsTheyStoodBeforeACancellation()
    {
        var day = Pages.Weekday(40); // beyond the demo's days, and no other test's
        var baseAddress = fixture.App.BaseAddress;
        using var doctor = await ApiClient.SignedInAsync(baseAddress, "doctor3@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days", new { date = $"{day:yyyy-MM-dd}", blocks = new[] { new { start = "14:00", end = "14:30" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid();
        using var patient = await ApiClient.SignedInAsync(baseAddress, "patient14@demo.clinic");
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = Consultation, slotIds = new[] { slot } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = await booked.JsonAsync();
        var (bookingId, patientId) = (appointment.GetProperty("appointmentId").GetGuid(), appointment.GetProperty("patientId").GetGuid());
        await Poll.PastAsync(() => SuiteClock.Now, SuiteClock.Now.AddSeconds(1.1));
        var moment = SuiteClock.Now;
        var then = AsTyped(moment);
        await Poll.PastAsync(() => SuiteClock.Now, moment.AddSeconds(1.1));
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        Assert.True((await reception.DeleteAsync($"/api/bookings/{bookingId}")).IsSuccessStatusCode);
        var name = SlotOf(await (await reception.GetAsync($"/api/days/{day:yyyy-MM-dd}?asOf={Uri.EscapeDataString(moment.ToString("O"))}")).JsonAsync(), slot)
            .GetProperty("patientName").GetString()!;

        // The clinician's own schedule as of then: the booking, and nothing to change.
        var clinician = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(clinician, "doctor3@demo.clinic", then: $"/schedule?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(clinician);
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" })).ToBeVisibleAsync();
        await clinician.Locator("#as-of-input").FillAsync(then);
        await clinician.GetByTestId("as-of-show").ClickAsync();
        await Expect(clinician.GetByTestId("as-of-banner")).ToContainTextAsync("A past view: Your schedule of");
        await Pages.WaitUntilInteractiveAsync(clinician);
        await Expect(clinician.Locator(".time-grid").GetByText(name)).ToBeVisibleAsync();
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" })).ToHaveCountAsync(0);
        await Expect(clinician.GetByRole(AriaRole.Button, new() { Name = "Cancel this day" })).ToHaveCountAsync(0);
        await Pages.ScreenshotAsync(clinician, "clinician-schedule-as-of");
        await clinician.GetByTestId("as-of-now").ClickAsync();
        await Expect(clinician.GetByTestId("as-of-banner")).ToHaveCountAsync(0);
        await Expect(clinician.Locator(".time-grid").GetByText(name)).ToHaveCountAsync(0);
        await clinician.Context.CloseAsync();

        // Reception: the patient's bookings now (cancelled by staff) and as of then (to come).
        var desk = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(desk, "reception@demo.clinic", then: $"/patients/{patientId}");
        await Pages.WaitUntilInteractiveAsync(desk);
        var row = desk.Locator(".patient-booking").Filter(new() { HasText = $"{day:ddd d MMM yyyy}" });
        await Expect(row.GetByTestId("booking-status")).ToHaveTextAsync("cancelled by staff");
        await desk.Locator("#as-of-input").FillAsync(then);
        await desk.GetByTestId("as-of-show").ClickAsync();
        await Expect(desk.GetByTestId("as-of-banner")).ToContainTextAsync("appointments as they stood");
        await Expect(row.GetByTestId("booking-status")).ToHaveTextAsync("upcoming");
        await Expect(desk.GetByTestId("as-of-changes")).ToHaveCountAsync(0); // the audit trail is the owner's
        await Pages.ScreenshotAsync(desk, "patient-bookings-as-of");
        await desk.SetViewportSizeAsync(390, 844);
        await desk.ReloadAsync(); // drawn afresh at a phone's width, the navigation closed
        await Pages.WaitUntilInteractiveAsync(desk);
        await Expect(row.GetByTestId("booking-status")).ToHaveTextAsync("upcoming");
        Assert.True(await desk.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "The patient's bookings fit a phone.");
        await Pages.ScreenshotAsync(desk, "patient-bookings-as-of-phone");
        await desk.Context.CloseAsync();

        // The owner follows the banner to the changes since then: the cancellation.
        var owner = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(owner, "admin@demo.clinic", then: $"/patients/{patientId}?asOf={Uri.EscapeDataString(then)}");
        await Pages.WaitUntilInteractiveAsync(owner);
        await owner.GetByTestId("as-of-changes").ClickAsync();
        await Expect(owner.GetByTestId("audit-since")).ToBeVisibleAsync();
        await Expect(owner.GetByTestId("audit-entry")).ToHaveCountAsync(1);
        await Expect(owner.GetByTestId("audit-entry")).ToContainTextAsync("cancel", new() { IgnoreCase = true });
        await Pages.WaitUntilInteractiveAsync(owner);
        await owner.GetByTestId("audit-back-to-view").ClickAsync();
        await Expect(owner.GetByTestId("as-of-banner")).ToBeVisibleAsync();
        await owner.Context.CloseAsync();
    }

    private static System.Text.Json.JsonElement SlotOf(System.Text.Json.JsonElement day, Guid slot) =>
        day.GetProperty("clinicians").EnumerateArray().SelectMany(c => c.GetProperty("slots").EnumerateArray())
            .Single(s => s.GetProperty("slotId").GetGuid() == slot);

    /// <summary>
    /// A moment as a date-and-time field holds it, in the practice's time: with its seconds, unless they are 0, which the
    /// browser drops (a moment that fell on a whole minute made the field's value differ from the one typed).
    /// </summary>
    private static string AsTyped(DateTimeOffset moment)
    {
        var local = TimeZoneInfo.ConvertTime(moment, London);
        return local.ToString(local.Second == 0 ? "yyyy-MM-ddTHH:mm" : "yyyy-MM-ddTHH:mm:ss");
    }
}
