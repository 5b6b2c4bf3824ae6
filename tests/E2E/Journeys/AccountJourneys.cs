using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

[Collection(ClinicAppCollection.Name)]
public class AccountJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task APatientWhoForgotTheirPasswordChoosesANewOneFromTheEmailedLink()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await page.GotoAsync("/account/forgot-password");
        await page.GetByLabel("Email").FillAsync("patient14@demo.clinic");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        await Expect(page.GetByTestId("reset-sent")).ToBeVisibleAsync();

        var message = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory),
            m => m.Contains("To: patient14@demo.clinic") && m.Contains("Reset your"));
        await page.GotoAsync(Mailbox.SetPasswordLink(message));
        await page.Locator("input[name='Input.Password']").FillAsync("Remembered9");
        await page.GetByLabel("Confirm password").FillAsync("Remembered9");
        await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(page.GetByTestId("password-set")).ToBeVisibleAsync();

        await Pages.SignInAsync(page, "patient14@demo.clinic", "Remembered9");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccount()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        ILocator? error = null;
        for (var attempt = 1; attempt <= 5; attempt++)
            error = await Pages.RefusedSignInAsync(page, "patient15@demo.clinic", $"Wrong{attempt}");
        await Expect(error!).ToContainTextAsync("locked");

        // Even the right password is refused while the lock lasts.
        await Expect(await Pages.RefusedSignInAsync(page, "patient15@demo.clinic", Pages.DemoPassword)).ToContainTextAsync("locked");
        await page.Context.CloseAsync();
    }

}
