using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
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

    [Fact]
    public async Task InGerman_APatientRegistersConfirmsBooksAndCancels_AndIsWrittenToInGerman()
    {
        var day = Pages.Weekday(18); // no other test's day: Dr Lind's morning, opened here
        await ApiClient.OpenDayAsync(fixture.App.BaseAddress, "doctor3@demo.clinic", day, "09:00", "09:30");
        var email = $"jonas-{Guid.NewGuid():N}@example.test";
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Language").SelectOptionAsync("de");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Als Patientin oder Patient registrieren" })).ToBeVisibleAsync();
        await page.GetByLabel("Vollständiger Name").FillAsync("Jonas Weber");
        await page.GetByLabel("E-Mail").FillAsync(email);
        await page.GetByLabel("Telefon").FillAsync("+49 30 1234567");
        await page.Locator("input[name='Input.Password']").FillAsync("Willkommen123");
        await page.GetByLabel("Passwort wiederholen").FillAsync("Willkommen123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Registrieren" }).ClickAsync();
        await Expect(page.GetByTestId("register-sent")).ToContainTextAsync("Sehen Sie in Ihrem Posteingang nach.");

        var confirmation = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory), m => m.Contains($"To: {email}"));
        Assert.Contains("Vielen Dank für Ihre Registrierung.", Mailbox.Decode(confirmation));
        await page.GotoAsync(Mailbox.ConfirmEmailLink(confirmation));
        await Expect(page.GetByTestId("email-confirmed")).ToHaveTextAsync("Vielen Dank: Ihre E-Mail-Adresse ist bestätigt, und Sie können Termine buchen.");
        await page.GetByRole(AriaRole.Link, new() { Name = "Anmelden und buchen" }).ClickAsync();
        await page.GetByLabel("E-Mail").FillAsync(email);
        await page.GetByLabel("Passwort").FillAsync("Willkommen123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Termin buchen" })).ToBeVisibleAsync();

        await page.SetViewportSizeAsync(390, 844); // on a phone from here: the longer German words must still fit
        await page.GotoAsync($"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        var german = System.Globalization.CultureInfo.GetCultureInfo("de-DE");
        await Expect(page.GetByText(day.ToString("dddd, d. MMMM yyyy", german), new() { Exact = false })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("busy")).ToHaveCountAsync(0);
        await page.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer").First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("Für Sie reserviert für");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Buchen", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Gebucht", new() { Exact = true })).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-book-german-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "The German Book page scrolls sideways at 390 px.");

        var booked = Mailbox.Decode(await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory), m => m.Contains($"To: {email}") && m.Contains("appointment.ics")));
        Assert.Contains("Guten Tag Jonas Weber,", booked);
        Assert.Contains($"Ihr Termin bei Dr Chloe Lind am {day.ToString("dddd, d. MMMM yyyy", german)} um 09:00", booked);

        await page.GotoAsync("/my-appointments");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Meine Termine" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("monthly-usage")).ToContainTextAsync("Zeitfenstern belegt");
        await Pages.ScreenshotAsync(page, "patient-my-appointments-german-phone");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, "My appointments in German scrolls sideways at 390 px.");
        await page.GetByTestId("booking").GetByRole(AriaRole.Button, new() { Name = "absagen" }).ClickAsync(); // "Termin am … um … absagen"
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Ihren Termin bei Dr Chloe Lind am");
        await page.GetByTestId("confirm").ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Abgesagt", new() { Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("no-bookings")).ToHaveTextAsync("Sie haben keine anstehenden Termine.");
        await page.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/account/register")]
    [InlineData("/account/forgot-password")]
    public async Task InThePseudoLanguage_EveryTextOfTheAccountPagesComesFromTheResources(string path)
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.GotoAsync($"{path}?language=qps-ploc");
        await page.SetViewportSizeAsync(390, 844);
        // Every piece of text a person reads (the bar's and the form's), wrapped as the pseudo language wraps it: text
        // written inline in a page is not.
        var unwrapped = await page.EvaluateAsync<string[]>(
            """
            () => {
                const texts = [];
                const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                    const text = node.textContent.trim();
                    if (!text || node.parentElement.closest("script, style, option, .clinic-brand, [hidden]")) continue;
                    if (!/^\[.*\]$/s.test(text) && /[A-Za-z]{2,}/.test(text)) texts.push(text);
                }
                for (const el of document.querySelectorAll("[aria-label], [placeholder]"))
                    for (const value of [el.getAttribute("aria-label"), el.getAttribute("placeholder")])
                        if (value && !/^\[.*\]$/s.test(value)) texts.push(value);
                return texts;
            }
            """);
        Assert.True(unwrapped.Length == 0, $"{path} shows text that is not in the resources: {string.Join(" | ", unwrapped)}");
        Assert.True(await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - window.innerWidth") <= 0, $"{path} scrolls sideways at 390 px with the longer texts.");
        await Pages.ScreenshotAsync(page, $"pseudo{path.Replace('/', '-')}-phone");
        await page.Context.CloseAsync();
    }
}
