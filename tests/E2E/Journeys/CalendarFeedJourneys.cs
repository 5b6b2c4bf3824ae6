using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>A clinician copies their calendar address and a calendar app's polls follow a move (Ical.Net reads what it gets).</summary>
[Collection(ClinicAppCollection.Name)]
public class CalendarFeedJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ADoctorCopiesTheirCalendarAddress_AndEachPollShowsTheAppointmentWhereItIsNow_304WhileNothingChanged()
    {
        var day = Pages.Weekday(42); // no other test's day
        var baseAddress = fixture.App.BaseAddress;
        using var doctor = await ApiClient.SignedInAsync(baseAddress, "doctor2@demo.clinic");
        using var scheduled = await doctor.PostAsJsonAsync("/api/doctors/me/days",
            new { date = day.ToString("yyyy-MM-dd"), blocks = new[] { new { start = "09:00", end = "09:30" } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var slots = (await scheduled.JsonAsync()).GetProperty("slots").EnumerateArray()
            .Select(s => (Id: s.GetProperty("slotId").GetGuid(), Start: s.GetProperty("start").GetDateTimeOffset())).ToArray();
        using var patient = await ApiClient.SignedInAsync(baseAddress, "patient18@demo.clinic");
        var consultation = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Consultation").GetProperty("serviceId").GetGuid();
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = consultation, slotIds = new[] { slots[0].Id }, reason = "a private worry" });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();

        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.SetViewportSizeAsync(390, 844);
        await Pages.SignInAsync(page, "doctor2@demo.clinic", then: "/schedule");
        await Pages.WaitUntilInteractiveAsync(page);
        await page.GetByRole(AriaRole.Tab, new() { Name = "Calendar feed" }).ClickAsync();
        await Expect(page.GetByTestId("feed-address")).ToHaveValueAsync(new System.Text.RegularExpressions.Regex("^webcal://.+/calendar/.+\\.ics$"));
        await page.GetByTestId("feed-copy").ClickAsync();
        await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("Address copied");
        await Pages.ScreenshotAsync(page, "schedule-calendar-feed-phone");
        var address = await page.EvaluateAsync<string>("navigator.clipboard.readText()");
        Assert.Equal(await page.GetByTestId("feed-address").InputValueAsync(), address);
        await page.Context.CloseAsync();

        using var calendarApp = new HttpClient { BaseAddress = baseAddress };
        var path = new Uri(address.Replace("webcal://", "http://")).AbsolutePath;
        var (tag, first) = await PollAsync(calendarApp, path, null, HttpStatusCode.OK);
        Assert.Equal(day.ToDateTime(new TimeOnly(9, 0)), Visit(first!, appointment).DtStart!.Value);
        Assert.Equal("Consultation: Patient 18", Visit(first!, appointment).Summary);
        Assert.DoesNotContain("private worry", first!.Events.Select(e => $"{e.Summary} {e.Description} {e.Location}").Aggregate("", string.Concat));
        await PollAsync(calendarApp, path, tag, HttpStatusCode.NotModified);

        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        using var moved = await reception.PostAsJsonAsync($"/api/appointments/{appointment}/move", new { start = slots[2].Start });
        Assert.Equal(HttpStatusCode.OK, moved.StatusCode);

        var (newTag, second) = await PollAsync(calendarApp, path, tag, HttpStatusCode.OK);
        Assert.NotEqual(tag, newTag);
        Assert.Equal(day.ToDateTime(new TimeOnly(9, 20)), Visit(second!, appointment).DtStart!.Value);
        await PollAsync(calendarApp, path, newTag, HttpStatusCode.NotModified);
    }

    private static Ical.Net.CalendarComponents.CalendarEvent Visit(Ical.Net.Calendar calendar, Guid appointment) =>
        Assert.Single(calendar.Events, e => e.Uid!.StartsWith($"{appointment:N}", StringComparison.Ordinal));

    /// <summary>One poll as a calendar app makes it, sending the tag it has; the tag it gets and, with a 200, the calendar.</summary>
    private static async Task<(string Tag, Ical.Net.Calendar? Calendar)> PollAsync(HttpClient client, string path, string? tag, HttpStatusCode expected)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (tag is not null)
            request.Headers.IfNoneMatch.Add(EntityTagHeaderValue.Parse(tag));
        using var response = await client.SendAsync(request);
        Assert.Equal(expected, response.StatusCode);
        Assert.True(response.Headers.CacheControl is { Private: true, NoCache: true }, $"Cache-Control: {response.Headers.CacheControl}");
        var received = response.Headers.ETag!.ToString();
        if (expected == HttpStatusCode.NotModified)
            return (received, null);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        return (received, Ical.Net.Calendar.Load(await response.Content.ReadAsStringAsync()));
    }
}
