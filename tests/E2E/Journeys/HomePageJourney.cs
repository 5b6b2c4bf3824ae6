using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

[Collection(ClinicAppCollection.Name)]
public class HomePageJourney(ClinicAppFixture fixture)
{
    [Fact]
    public async Task AClinicianPlansABlockAndSeesHowManySlotsItMakes_WhereAVisitorIsToldHowBookingWorks()
    {
        var visitor = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await visitor.GotoAsync("/");
        await Expect(visitor.GetByRole(AriaRole.Heading, new() { Name = "Welcome to ClinicPortal" })).ToBeVisibleAsync();
        await Expect(visitor.GetByTestId("how-booking-works")).ToContainTextAsync("Pick a free time");
        await Expect(visitor.GetByTestId("block-summary")).ToHaveCountAsync(0); // a calculator of slots is no visitor's business
        await visitor.Context.CloseAsync();

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "doctor2@demo.clinic", then: "/");
        await Expect(page.GetByTestId("block-summary")).ToContainTextAsync("18 slots");

        // The selects are enabled only once the circuit is live; the new count comes from the server over it.
        await Pages.ChooseAsync(page, page.GetByTestId("block-end"), "10:00");

        await Expect(page.GetByTestId("block-summary")).ToContainTextAsync("6 slots");
        await Expect(page.Locator("ol.block-slots li")).ToHaveCountAsync(6);
        await page.Context.CloseAsync();
    }
}
