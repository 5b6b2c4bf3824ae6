using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Reception puts an appointment in another room from the calendar; a room clash asks why, in the dialog.</summary>
[Collection(ClinicAppCollection.Name)]
public class ChangeRoomJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task ReceptionPutsDrLindsPatientInAnotherRoom_AndTheDetailsAndTheApiSayTheNewRoom()
    {
        var day = Pages.Weekday(31); // beyond the demo's days, and no other test's
        var date = day.ToString("yyyy-MM-dd");
        var baseAddress = fixture.App.BaseAddress;
        using var owner = await ApiClient.SignedInAsync(baseAddress, "admin@demo.clinic");
        var roomName = $"Room {Guid.NewGuid():N}"[..13];
        using (var created = await owner.PostAsJsonAsync("/api/rooms", new { name = roomName, features = new[] { "step-free" } }))
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        var treatment = (await (await reception.GetAsync("/api/rooms")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Treatment room").GetProperty("roomId").GetGuid();
        using var lind = await ApiClient.SignedInAsync(baseAddress, "doctor3@demo.clinic");
        using var scheduled = await lind.PostAsJsonAsync("/api/doctors/me/days",
            new { date, blocks = new[] { new { start = "09:00", end = "09:30", roomId = (Guid?)treatment } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
        var slot = (await scheduled.JsonAsync()).GetProperty("slots")[0].GetProperty("slotId").GetGuid();
        using var patient = await ApiClient.SignedInAsync(baseAddress, "patient19@demo.clinic");
        var consultation = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Consultation").GetProperty("serviceId").GetGuid();
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = consultation, slotIds = new[] { slot } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);
        var appointment = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();

        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/reception?date={date}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Pages.GridBlocks(page, "Dr Chloe Lind", "booked").First.ClickAsync();
        await Expect(page.GetByTestId("booking-room")).ToHaveTextAsync("Treatment room");
        await page.GetByTestId("booking-change-room").ClickAsync();
        await Expect(page.GetByTestId("room-dialog")).ToContainTextAsync("it is in Treatment room now");
        await Expect(page.GetByTestId("room-save")).ToBeDisabledAsync(); // nothing chosen yet
        await Pages.ChooseAsync(page, page.GetByTestId("room-choice"), $"{roomName} (step-free)");
        await Pages.ScreenshotAsync(page, "reception-change-room");
        await page.GetByTestId("room-save").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Room changed");

        await Pages.GridBlocks(page, "Dr Chloe Lind", "booked").First.ClickAsync();
        await Expect(page.GetByTestId("booking-room")).ToHaveTextAsync(roomName);
        await page.Keyboard.PressAsync("Escape");

        // Over the API: back to the treatment room; a patient may not.
        await (await patient.PutAsJsonAsync($"/api/appointments/{appointment}/room", new { roomId = treatment }))
            .AssertProblemAsync(HttpStatusCode.Forbidden, "forbidden");
        using var back = await reception.PutAsJsonAsync($"/api/appointments/{appointment}/room", new { roomId = treatment });
        Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        Assert.Equal(treatment, (await back.JsonAsync()).GetProperty("roomId").GetGuid());
        await (await reception.PutAsJsonAsync($"/api/appointments/{appointment}/room", new { roomId = treatment }))
            .AssertProblemAsync(HttpStatusCode.Conflict, "already_in_that_room");
        await (await reception.PutAsJsonAsync($"/api/appointments/{appointment}/room", new { }))
            .AssertProblemAsync(HttpStatusCode.BadRequest, "validation_failed");
        await page.Context.CloseAsync();
    }
}
