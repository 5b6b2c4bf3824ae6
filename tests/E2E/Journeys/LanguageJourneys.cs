using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>
/// A person chooses their language in the app bar's menu: before signing in (the sign-in page in German), and signed in,
/// where it is kept on their account and follows them into another browser.
/// </summary>
[Collection(ClinicAppCollection.Name)]
public class LanguageJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task APatientChoosesGerman_AndTheirAccountKeepsItInAnotherBrowser()
    {
        var email = $"lena-{Guid.NewGuid():N}@example.test";
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.RegisterAsync(page, fixture.App, "Lena Sprache", email);
        await Pages.WaitUntilInteractiveAsync(page);

        await page.GetByLabel("Language").SelectOptionAsync("de");
        await Expect(page.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Termin buchen" })).ToBeVisibleAsync();
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "de");
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "Abmelden" })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-german");
        await page.Context.CloseAsync();

        // Another browser: the sign-in page in the practice's language (English) until they sign in; then theirs.
        var other = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(other, email, "Welcome123");
        await Expect(other.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "Meine Termine" })).ToBeVisibleAsync();

        // Back to English, from the menu, before signing out; the sign-in page chosen in German before signing in.
        await Pages.WaitUntilInteractiveAsync(other);
        await other.GetByLabel("Sprache").SelectOptionAsync("en");
        await Expect(other.Locator("nav").GetByRole(AriaRole.Link, new() { Name = "My appointments" })).ToBeVisibleAsync();
        await other.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await other.GotoAsync("/account/login");
        await other.GetByLabel("Language").SelectOptionAsync("de");
        await Expect(other.GetByRole(AriaRole.Heading, new() { Name = "Anmelden" })).ToBeVisibleAsync();
        await Expect(other.GetByLabel("Passwort")).ToBeVisibleAsync();
        await other.SetViewportSizeAsync(390, 844);
        await Pages.ScreenshotAsync(other, "visitor-sign-in-german-phone");
        Assert.True(await other.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "The German sign-in page scrolls sideways at 390 px.");
        await other.Context.CloseAsync();
    }
}
