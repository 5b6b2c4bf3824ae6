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
        await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("future booking");
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
    public async Task ADeactivatedDoctorsBookingsAreListedForStaffToCancelAndThePatientIsEmailed()
    {
        await using var app = await AppProcess.StartAsync(settings: Demo);
        var admin = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(admin, "admin@demo.clinic", then: "/admin/staff");
        await Expect(admin.GetByTestId("deactivated-clinician-bookings")).ToHaveCountAsync(0);

        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Dr Chloe Lind" }).ClickAsync();
        await Expect(admin.GetByRole(AriaRole.Dialog)).ToContainTextAsync("bookings already made are listed here");
        await admin.GetByTestId("confirm").ClickAsync();
        var panel = admin.GetByTestId("deactivated-clinician-bookings");
        var rows = panel.Locator("tr.orphaned-booking");
        await Expect(rows.First).ToBeVisibleAsync();
        var before = int.Parse(await panel.GetByTestId("orphaned-count").InnerTextAsync());
        Assert.True(before > 5, $"the demo's Dr Lind has {before} future bookings");
        await Expect(rows).ToHaveCountAsync(5); // the first few; the rest on request
        await panel.GetByRole(AriaRole.Button, new() { Name = $"Show all {before}" }).ClickAsync();
        await Expect(rows).ToHaveCountAsync(before);
        Assert.All(await rows.AllInnerTextsAsync(), text => Assert.Contains("Dr Chloe Lind", text));
        await Pages.ScreenshotAsync(admin, "admin-deactivated-clinician-bookings");

        var first = await rows.First.InnerTextAsync();
        var patientName = first.Split('\t', '\n').Select(cell => cell.Trim()).First(cell => cell.StartsWith("Patient "));
        await rows.First.GetByRole(AriaRole.Button).ClickAsync();
        await admin.GetByTestId("confirm").ClickAsync();
        await Expect(panel.GetByTestId("orphaned-count")).ToHaveTextAsync((before - 1).ToString());
        await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory),
            m => m.Contains($"To: patient{int.Parse(patientName["Patient ".Length..])}@demo.clinic") && m.Contains("Dr Chloe Lind"));

        // Reception sees the same list on its day page.
        var reception = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(reception, "reception@demo.clinic", then: "/reception");
        await Expect(reception.GetByTestId("orphaned-count")).ToHaveTextAsync((before - 1).ToString());
        await Pages.ScreenshotAsync(reception, "reception-deactivated-clinician-bookings");
        await admin.Context.CloseAsync();
        await reception.Context.CloseAsync();
    }
}
