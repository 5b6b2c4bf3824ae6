using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Rooms: the owner names them, clinicians put their time in them, and one room holds one clinician's block at a time.</summary>
[Collection(ClinicAppCollection.Name)]
public class RoomJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task TheOwnerAddsARoom_AndANameInUseIsRefusedNextToTheField()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "admin@demo.clinic", then: "/admin/rooms");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.Locator(".room-row").Filter(new() { HasText = "Treatment room" })).ToContainTextAsync("step-free");

        await page.Locator("#room-name").FillAsync("treatment room");
        await page.GetByTestId("room-save").ClickAsync();
        await Expect(page.GetByText("Another room already has this name.")).ToBeVisibleAsync();

        var name = $"Consulting {Guid.NewGuid():N}"[..16];
        await page.Locator("#room-name").FillAsync(name);
        await page.Locator("#room-features").FillAsync("Quiet, step-free");
        await page.GetByTestId("room-save").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Room added");
        var row = page.Locator(".room-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("quiet");
        await Expect(row).ToContainTextAsync("step-free");
        await Pages.ScreenshotAsync(page, "admin-rooms");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task AClinicianPutsAMorningInTheTreatmentRoom_AndAColleagueIsToldTheRoomIsTakenBeforePressingAnything()
    {
        var day = Pages.Weekday(20).ToString("yyyy-MM-dd"); // beyond the demo's 14 days: nobody's time yet
        var lind = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(lind, "doctor3@demo.clinic", then: $"/schedule?date={day}");
        await Pages.WaitUntilInteractiveAsync(lind);
        await Pages.ChooseAsync(lind, lind.GetByTestId("block-1-room"), "Treatment room (treatment, step-free)");
        await Expect(lind.GetByTestId("day-plan")).ToContainTextAsync("18 slots");
        await lind.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" }).ClickAsync();
        await Pages.ExpectOutcomeAsync(lind, "Scheduled");
        await Expect(Pages.GridBlocks(lind, "Dr Chloe Lind", "free").First).ToContainTextAsync("Treatment room");

        var okafor = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(okafor, "doctor2@demo.clinic", then: $"/schedule?date={day}");
        await Pages.WaitUntilInteractiveAsync(okafor);
        await Pages.ChooseAsync(okafor, okafor.GetByTestId("block-1-room"), "Treatment room (treatment, step-free)");
        await Expect(okafor.GetByTestId("schedule-error")).ToHaveTextAsync("Another clinician's time is in that room then. Choose another room or time.");
        await Expect(okafor.GetByRole(AriaRole.Button, new() { Name = "Schedule these slots" })).ToBeDisabledAsync();
        await Pages.ScreenshotAsync(okafor, "clinician-schedule-room-in-use");

        await Pages.ChooseAsync(okafor, okafor.GetByTestId("block-1-room"), "No room");
        await Expect(okafor.GetByTestId("day-plan")).ToContainTextAsync("18 slots");
        await lind.Context.CloseAsync();
        await okafor.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceptionBooksOverADiabetesReviewInTheTreatmentRoom_WithAReason_AndTheDeskShowsTheRoomClash()
    {
        var day = Pages.Weekday(28); // Weekday(26) is NextWeekday() + 35 days, which another test schedules
        var date = day.ToString("yyyy-MM-dd");
        var baseAddress = fixture.App.BaseAddress;
        using var reception = await ApiClient.SignedInAsync(baseAddress, "reception@demo.clinic");
        var room = (await (await reception.GetAsync("/api/rooms")).JsonAsync()).EnumerateArray()
            .Single(r => r.GetProperty("name").GetString() == "Treatment room").GetProperty("roomId").GetGuid();
        async Task<Guid[]> ScheduleAsync(string email, string start, string end, Guid? roomId)
        {
            using var clinician = await ApiClient.SignedInAsync(baseAddress, email);
            using var response = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date, blocks = new[] { new { start, end, roomId } } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        }
        // The nurse in the treatment room 09:00–09:20, Dr Lind in no room, Dr Okafor in the treatment room from 09:20.
        var nurse = await ScheduleAsync("nurse1@demo.clinic", "09:00", "09:20", room);
        var lind = await ScheduleAsync("doctor3@demo.clinic", "09:00", "10:00", null);
        await ScheduleAsync("doctor2@demo.clinic", "09:20", "10:00", room);
        using var patient = await ApiClient.SignedInAsync(baseAddress, "patient11@demo.clinic");
        var review = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Diabetes review").GetProperty("serviceId").GetGuid();
        using var booked = await patient.PostAsJsonAsync("/api/appointments", new { serviceId = review, slotIds = new[] { nurse[0], nurse[1], lind[1], lind[2] } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var page = await fixture.Browser.NewPageAsync(baseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/book?date={date}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Pages.SearchAndChooseAsync(page, page.Locator("#patient-search"), "Patient 12");
        await Expect(page.GetByTestId("chosen-patient")).ToContainTextAsync("Patient 12");

        // The review is in the room until 09:30: Dr Okafor's 09:20 is not offered, and the page says why.
        var okafor = page.Locator("section[aria-label='Dr Ben Okafor'] button.slot-offer");
        await Expect(okafor.First).ToHaveTextAsync("09:30");
        await Expect(page.GetByTestId("room-clash-hint")).ToBeVisibleAsync();

        await page.Locator("input[data-testid=show-clashes], [data-testid=show-clashes] input").First.CheckAsync();
        var over = page.Locator("section[aria-label='Dr Ben Okafor'] button.slot-offer.room-clash");
        await Expect(over).ToHaveTextAsync("09:20");
        await Pages.ScreenshotAsync(page, "reception-book-over-room-clash");
        await over.ClickAsync();
        await Expect(page.GetByTestId("reason-message")).ToContainTextAsync("Another appointment is in the room");
        await page.Locator("#override-reason").FillAsync("A two-minute dressing change");
        await page.GetByTestId("reason-confirm").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Booked");

        await page.GotoAsync("/conflicts");
        var row = page.Locator("tr.conflict-row").Filter(new() { HasText = "Treatment room also holds Patient 11" });
        await Expect(row.First).ToBeVisibleAsync();
        await Expect(row.First).ToContainTextAsync("A two-minute dressing change");
        await Pages.ScreenshotAsync(page, "reception-conflicts-room-double-booked");
        await page.Context.CloseAsync();
    }
}
