using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Api;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>A patient books with a reason, then finds it in "Everything the practice holds about me", on the page and in the file.</summary>
[Collection(ClinicAppCollection.Name)]
public class PatientDataJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task APatientBooksWithAReason_AndFindsItInTheirData_OnThePageAndInTheDownloadedFile()
    {
        var day = Pages.Weekday(16); // no other test's day: Dr Lind's morning, opened here
        await ApiClient.OpenDayAsync(fixture.App.BaseAddress, "doctor3@demo.clinic", day, "09:00", "09:30");
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.RegisterAsync(page, fixture.App, "Iris Export", $"iris-{Guid.NewGuid():N}@example.test");
        await Pages.ShowAppointmentDayAsync(page, day);
        await page.GetByTestId("reason").FillAsync("a private worry about my knee");
        await page.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();

        await page.GotoAsync("/my-account");
        await page.GetByTestId("my-data").ClickAsync();
        await Expect(page.GetByTestId("data-reason")).ToHaveTextAsync("a private worry about my knee");
        await Expect(page.GetByTestId("data-appointment")).ToContainTextAsync("Consultation with Dr Chloe Lind");
        await Expect(page.GetByTestId("data-emails")).ToContainTextAsync("Booked: Dr Chloe Lind");
        await page.SetViewportSizeAsync(390, 844);
        await Pages.ScreenshotAsync(page, "patient-my-data-after-booking-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "My data scrolls sideways at 390 px.");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("data-download").ClickAsync());
        Assert.EndsWith(".json", download.SuggestedFilename);
        using var file = JsonDocument.Parse(await File.ReadAllTextAsync(await download.PathAsync()));
        Assert.Equal("Iris Export", file.RootElement.GetProperty("profile").GetProperty("name").GetString());
        Assert.Equal("a private worry about my knee", file.RootElement.GetProperty("appointments")[0].GetProperty("reason").GetString());
        await page.Context.CloseAsync();
    }
}
