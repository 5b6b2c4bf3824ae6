using System.Text.RegularExpressions;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Staff take people out of the practice's bookings: each journey on an app of its own.</summary>
[Collection(ClinicAppCollection.Name)]
public class DeactivationJourneys(ClinicAppFixture fixture)
{
    private static readonly Dictionary<string, string> Demo = new() { ["Seed:Demo"] = "true" };

    [Fact]
    public async Task ReceptionDeactivatesAPatientWhoThenCanNeitherSignInNorBeBookedFor()
    {
        await using var app = await AppProcess.StartAsync(settings: Demo);
        using var patient = await ApiClient.SignedInAsync(app.BaseAddress, "patient7@demo.clinic");
        using var reception = await ApiClient.SignedInAsync(app.BaseAddress, "reception@demo.clinic");
        var date = Pages.Weekday(3).ToString("yyyy-MM-dd");
        var slots = (await (await reception.GetAsync($"/api/slots?date={date}")).JsonAsync()).EnumerateArray()
            .SelectMany(d => d.GetProperty("slots").EnumerateArray()).Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        using var own = await patient.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slots[0] } });
        var patientId = (await own.JsonAsync()).GetProperty("patientId").GetGuid();

        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: "/patients");
        await Expect(page.GetByTestId("patients-hint")).ToBeVisibleAsync();
        await page.GetByLabel("Find a patient").FillAsync("Patient 07");
        var row = page.Locator("tr.patient").Filter(new() { HasText = "patient7@demo.clinic" });
        await Expect(row).ToContainTextAsync("active");
        await Pages.ScreenshotAsync(page, "reception-patients");
        await row.GetByRole(AriaRole.Button, new() { Name = "Deactivate Patient 07" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("future appointment");
        await page.GetByTestId("confirm").ClickAsync();
        await Expect(row).ToContainTextAsync("deactivated");

        // Signed out at once on the API, refused at sign-in, and not bookable by staff.
        await (await patient.GetAsync($"/api/slots?date={date}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using var signIn = await app.CreateClient().PostAsJsonAsync("/api/identity/login", new { email = "patient7@demo.clinic", password = ApiClient.Password });
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
        using var forThem = await reception.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slots[1] }, patientId });
        await forThem.AssertProblemAsync(HttpStatusCode.UnprocessableEntity, "patient_deactivated");

        // Reactivated, they are bookable again.
        await row.GetByRole(AriaRole.Button, new() { Name = "Reactivate Patient 07" }).ClickAsync();
        await Expect(row).ToContainTextAsync("active");
        using var again = await reception.PostAsJsonAsync("/api/bookings", new { slotIds = new[] { slots[1] }, patientId });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOwnerDeactivatesAClinician_AndReceptionResolvesTheConflictsByReassigningAndCancelling()
    {
        await using var app = await AppProcess.StartAsync(settings: Demo);
        var admin = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(admin, "admin@demo.clinic", then: "/admin/staff");
        await Expect(admin.GetByTestId("staff-table")).ToBeVisibleAsync();
        await Expect(admin.GetByTestId("conflicts-summary")).ToHaveCountAsync(0);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Dr Chloe Lind" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Dialog)).ToContainTextAsync("conflicts desk");
        await admin.GetByTestId("confirm").ClickAsync();
        var count = admin.GetByTestId("conflicts-count");
        await Expect(count).ToBeVisibleAsync();
        var before = int.Parse(await count.InnerTextAsync());
        Assert.True(before > 5, $"the demo's Dr Lind has {before} appointments to come");

        // Reception sees the same count on its day, and the desk from there.
        var reception = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(reception, "reception@demo.clinic", then: "/reception");
        await Expect(reception.GetByTestId("conflicts-count")).ToHaveTextAsync(before.ToString());
        await Expect(reception.GetByRole(AriaRole.Link, new() { Name = "Open the conflicts desk" })).ToHaveAttributeAsync("href", "conflicts");
        await reception.GotoAsync(new Uri(app.BaseAddress, "/conflicts").ToString());
        var rows = reception.Locator("tr.conflict-row");
        var desk = reception.GetByTestId("conflicts-count");
        await Expect(desk).ToContainTextAsync($"{before} open conflicts");
        await Expect(rows).ToHaveCountAsync(Math.Min(before, 25)); // a page at a time
        if (before > 25)
            await Expect(reception.GetByTestId("conflicts-pages")).ToBeVisibleAsync();
        Assert.All(await reception.GetByTestId("conflict-what").AllInnerTextsAsync(), text => Assert.Equal("Dr Chloe Lind has been deactivated", text));
        await Pages.ScreenshotAsync(reception, "reception-conflicts");

        // Reassigning to a colleague free then: the row leaves the desk and the patient is told of the new clinician.
        var reassignable = rows.Filter(new() { Has = reception.Locator("button.reassign") }).First;
        var patient = Regex.Match(await reassignable.InnerTextAsync(), @"Patient (\d+)").Groups[1].Value;
        var button = reassignable.Locator("button.reassign").First;
        var colleague = (await button.TextContentAsync())!.Trim()["Reassign to ".Length..]; // as written, not as the button's capitals show it
        await button.ClickAsync();
        await Expect(desk).ToContainTextAsync($"{before - 1} open conflicts");
        await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory),
            m => m.Contains($"To: patient{int.Parse(patient)}@demo.clinic") && m.Contains($"Changed: {colleague}") && m.Contains("instead of Dr Chloe Lind"));

        // Cancelling another, after confirming: that patient is emailed too.
        var next = rows.First;
        var cancelled = Regex.Match(await next.InnerTextAsync(), @"Patient (\d+)").Groups[1].Value;
        await next.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Cancel ") }).ClickAsync();
        await Expect(reception.GetByRole(AriaRole.Dialog)).ToContainTextAsync("They will be emailed");
        await reception.GetByTestId("confirm").ClickAsync();
        await Expect(desk).ToContainTextAsync($"{before - 2} open conflicts");
        await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory),
            m => m.Contains($"To: patient{int.Parse(cancelled)}@demo.clinic") && m.Contains("Cancelled"));

        // Reception's own mailbox heard of the conflicts once, when the deactivation opened them.
        await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory), m => m.Contains($"New conflicts: {before} appointments need you"));
        await admin.Context.CloseAsync();
        await reception.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceptionCancelsTheNursesDay_AndADiabetesReviewGoesOnWithTheClinician_FromTheDesk()
    {
        var day = Pages.Weekday(24).ToString("yyyy-MM-dd");
        using var nurse = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "nurse1@demo.clinic");
        using var doctor = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "doctor3@demo.clinic");
        async Task<(Guid Id, Guid[] Slots)> ScheduleAsync(HttpClient clinician)
        {
            using var response = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "09:00", end = "10:00" } } });
            var body = await response.JsonAsync();
            return (body.GetProperty("doctorId").GetGuid(), body.GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray());
        }
        var (nurseId, nurseSlots) = await ScheduleAsync(nurse);
        var (_, doctorSlots) = await ScheduleAsync(doctor);
        using var patient = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "patient17@demo.clinic");
        var review = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Diabetes review").GetProperty("serviceId").GetGuid();
        using var booked = await patient.PostAsJsonAsync("/api/appointments",
            new { serviceId = review, slotIds = new[] { nurseSlots[0], nurseSlots[1], doctorSlots[1], doctorSlots[2] } });
        Assert.Equal(System.Net.HttpStatusCode.Created, booked.StatusCode);
        using var reception = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "reception@demo.clinic");
        Assert.True((await reception.PostAsJsonAsync($"/api/doctors/{nurseId}/days/{day}/cancel", new { reason = "Training day" })).IsSuccessStatusCode);

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: "/conflicts");
        await Pages.WaitUntilInteractiveAsync(page);
        var row = page.Locator("tr.conflict-row").Filter(new() { HasText = "Patient 17" }).Filter(new() { HasText = "Nia Shaw's day was cancelled" });
        await Expect(row).ToHaveCountAsync(1);
        await Pages.ScreenshotAsync(page, "reception-conflicts-part-day-cancelled");
        await row.Locator("button.drop-part").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Part dropped");
        await Expect(row).ToHaveCountAsync(0);

        var appointment = (await booked.JsonAsync()).GetProperty("appointmentId").GetGuid();
        using var after = await reception.GetAsync("/api/conflicts");
        Assert.DoesNotContain((await after.JsonAsync()).EnumerateArray(), c => c.GetProperty("appointmentId").GetGuid() == appointment);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheNurseTakesHerPartOfADiabetesReviewBack_AndReceptionSeesItOnTheDesk()
    {
        var day = Pages.Weekday(27).ToString("yyyy-MM-dd");
        using var nurse = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "nurse1@demo.clinic");
        using var doctor = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "doctor1@demo.clinic");
        async Task<Guid[]> ScheduleAsync(HttpClient clinician)
        {
            using var response = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date = day, blocks = new[] { new { start = "09:00", end = "10:00" } } });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.JsonAsync()).GetProperty("slots").EnumerateArray().Select(s => s.GetProperty("slotId").GetGuid()).ToArray();
        }
        var nurseSlots = await ScheduleAsync(nurse);
        var doctorSlots = await ScheduleAsync(doctor);
        using var patient = await Api.ApiClient.SignedInAsync(fixture.App.BaseAddress, "patient10@demo.clinic");
        var review = (await (await patient.GetAsync("/api/services")).JsonAsync()).EnumerateArray()
            .Single(s => s.GetProperty("name").GetString() == "Diabetes review").GetProperty("serviceId").GetGuid();
        using var booked = await patient.PostAsJsonAsync("/api/appointments",
            new { serviceId = review, slotIds = new[] { nurseSlots[0], nurseSlots[1], doctorSlots[1], doctorSlots[2] } });
        Assert.Equal(HttpStatusCode.Created, booked.StatusCode);

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "nurse1@demo.clinic", then: $"/schedule?date={day}");
        await Pages.WaitUntilInteractiveAsync(page);
        await page.Locator("[data-testid=grid-block][data-kind=booked]").Filter(new() { HasText = "Patient 10" }).First.ClickAsync();
        // Her own calendar shows her part; the details name the doctor she shares the visit with, and when each sees them.
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Dr Ada Hart 09:10–09:30");
        await Expect(page.Locator(".mud-dialog")).ToContainTextAsync("Nia Shaw 09:00–09:20");
        await page.GetByTestId("booking-leave-part").ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("goes on with the other clinicians");
        await page.GetByRole(AriaRole.Button, new() { Name = "Take it back" }).ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Part taken back");
        await Expect(page.Locator("[data-testid=grid-block][data-kind=booked]").Filter(new() { HasText = "Patient 10" })).ToHaveCountAsync(0);

        var desk = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(desk, "reception@demo.clinic", then: "/conflicts");
        await Pages.WaitUntilInteractiveAsync(desk);
        var row = desk.Locator("tr.conflict-row").Filter(new() { HasText = "Patient 10" }).Filter(new() { HasText = "Nia Shaw took their time back" });
        await Expect(row).ToHaveCountAsync(1);
        await Pages.ScreenshotAsync(desk, "reception-conflicts-part-taken-back");
        await page.Context.CloseAsync();
        await desk.Context.CloseAsync();
    }
}
