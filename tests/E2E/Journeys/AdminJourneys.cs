using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

[Collection(ClinicAppCollection.Name)]
public class AdminJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task TheOwnerInvitesAClinicianWhoChoosesAPasswordFromTheEmailAndSignsIn()
    {
        var admin = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(admin, "admin@demo.clinic", then: "/admin/staff");
        var email = $"dr-{Guid.NewGuid():N}@demo.clinic";

        await admin.GetByLabel("Full name").FillAsync("Dr Dana Invited");
        await admin.GetByLabel("Email").FillAsync(email);
        await Pages.ChooseAsync(admin, admin.GetByTestId("invite-role"), "Doctor");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Send invitation" }).ClickAsync();
        await Expect(admin.Locator("tr.staff-member").Filter(new() { HasText = email })).ToBeVisibleAsync();
        // The form is clean for the next person: empty, and no complaint that it is.
        await Expect(admin.GetByLabel("Full name")).ToHaveValueAsync("");
        await Expect(admin.GetByText("Enter their name.")).ToHaveCountAsync(0);
        await Expect(admin.GetByText("Enter their email.")).ToHaveCountAsync(0);
        await Expect(admin.GetByTestId("invite-role")).ToContainTextAsync("Doctor"); // and its role back at its default
        await Pages.AssertNoOutcomeCoversAControlAsync(admin);
        await Pages.ScreenshotAsync(admin, "admin-staff");

        var message = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory), m => m.Contains(email));
        var link = Mailbox.SetPasswordLink(message);
        Assert.False(string.IsNullOrEmpty(link), "The invitation carries no set-password link:\n" + message);

        var doctor = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await doctor.GotoAsync(link);
        await doctor.Locator("input[name='Input.Password']").FillAsync("Invited123");
        await doctor.GetByLabel("Confirm password").FillAsync("Invited123");
        await doctor.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(doctor.GetByTestId("password-set")).ToBeVisibleAsync();
        // The link opened again says at once that it is spent, rather than after new passwords are typed.
        await doctor.GotoAsync(link);
        await Expect(doctor.GetByTestId("link-spent")).ToContainTextAsync("used already or has expired");
        await Expect(doctor.Locator("input[name='Input.Password']")).ToHaveCountAsync(0);
        await Pages.SignInAsync(doctor, email, "Invited123", then: "/schedule");
        await Expect(doctor.GetByRole(AriaRole.Heading, new() { Name = "My schedule" })).ToBeVisibleAsync();

        // Deactivated, the doctor can no longer sign in.
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Dr Dana Invited" }).ClickAsync();
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate", Exact = true }).ClickAsync();
        await Expect(admin.Locator("tr.staff-member").Filter(new() { HasText = email })).ToContainTextAsync("deactivated");
        var again = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Expect(await Pages.RefusedSignInAsync(again, email, "Invited123")).ToContainTextAsync("deactivated");

        foreach (var page in new[] { admin, doctor, again })
            await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOwnerReadsTheAuditTrailOfOneClinician()
    {
        var admin = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(admin, "admin@demo.clinic", then: "/admin/audit");
        await Expect(admin.GetByTestId("audit-entry").First).ToBeVisibleAsync();

        await Pages.ChooseAsync(admin, admin.GetByTestId("audit-clinician"), "Dr Ben Okafor");

        var entries = admin.GetByTestId("audit-entry");
        await Expect(entries.First).ToContainTextAsync("Dr Ben Okafor");
        foreach (var entry in await entries.AllInnerTextsAsync())
        {
            Assert.Contains("Dr Ben Okafor", entry);
            Assert.DoesNotMatch(@"[\p{L}\p{N}](the day just before|just after)", entry); // the links read as words of their own
        }
        Assert.Contains(await entries.AllInnerTextsAsync(), entry => entry.Contains(" (the day just before · just after)"));
        // The filters are in the address: a reload keeps them.
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("doctor="));
        await Pages.ChooseAsync(admin, admin.GetByTestId("audit-kind"), "Schedules");
        await Expect(admin).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("kind=schedules"));
        await admin.ReloadAsync();
        await Pages.WaitUntilInteractiveAsync(admin);
        await Expect(entries.Filter(new() { HasText = "Scheduled" }).First).ToBeVisibleAsync();
        foreach (var entry in await entries.AllInnerTextsAsync())
        {
            Assert.Contains("Dr Ben Okafor", entry);
            Assert.DoesNotContain("Booked", entry); // schedules only
        }
        await Pages.ScreenshotAsync(admin, "admin-audit");
        await admin.Context.CloseAsync();
    }

}
