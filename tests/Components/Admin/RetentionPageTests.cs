using ClinicPortal.Features.Admin.Erasure;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Tests.Components.Admin;

/// <summary>
/// The owner's list of patients past keeping, over the app's real services on a SQLite file: off until set in Settings;
/// then everyone past it is listed and chosen, the owner leaves one out, confirms, and only the others are erased.
/// </summary>
public class RetentionPageTests : ClinicTestContext
{
    private TestApp app = default!;
    private Guid ben, cy;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        var owner = await app.CreateUserAsync("Practice Owner", "owner@clinic.example", Roles.Admin);
        var longAgo = app.Clock.GetUtcNow().AddYears(-2);
        ben = await app.CreateUserAsync("Ben Jonson", "ben@mail.example", Roles.Patient, longAgo);
        cy = await app.CreateUserAsync("Cy Twombly", "cy@mail.example", Roles.Patient, longAgo.AddDays(1));
        SignIn(owner, "owner@clinic.example", Roles.Admin);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    [Fact]
    public void WhileTheSettingIsOff_ThePageSaysWhereToSetIt()
    {
        var page = Render<RetentionPage>();

        page.WaitForAssertion(() => Assert.Contains("The practice keeps patients until you erase them.", page.Find("[data-testid=retention-off]").TextContent));
        Assert.Empty(page.FindAll("[data-testid=retention-table]"));
    }

    [Fact]
    public async Task TheOwnerLeavesOneOut_Confirms_AndOnlyTheOtherIsErased()
    {
        var settings = app.Get<PracticeSettings>();
        Assert.Null(await settings.SaveAsync(settings.Current with { RetentionMonths = 12 }));
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<RetentionPage>();
        page.WaitForElement("[data-testid=retention-table]");
        Assert.Contains("12 months after their last appointment", page.Find("[data-testid=retention-rule]").TextContent);
        Assert.Contains("since 2 March 2025", page.Find("[data-testid=retention-rule]").TextContent);
        var rows = page.FindAll("[data-testid=retention-table] tbody tr");
        Assert.Equal(["Ben Jonson", "Cy Twombly"], rows.Select(r => r.QuerySelector("label")!.TextContent.Trim()));
        Assert.Contains("registered 2 Mar 2024, never booked", rows[0].TextContent);
        Assert.Contains("Erase 2 patients…", page.Find("[data-testid=retention-erase]").TextContent);

        page.FindAll("[data-testid=retention-table] tbody tr")[1].QuerySelector("input[type=checkbox]")!.Change(false);
        page.WaitForAssertion(() => Assert.Contains("Erase 1 patient…", page.Find("[data-testid=retention-erase]").TextContent));
        _ = page.Find("[data-testid=retention-erase]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("This cannot be undone.", dialogs.Find("[data-testid=confirm-message]").TextContent));
        Assert.Equal("Ben Jonson", (await app.Get<PeopleDirectory>().FindAsync(ben))!.Name); // nothing before the owner confirms
        await dialogs.Find("[data-testid=confirm]").ClickAsync(new());

        snackbars.WaitForAssertion(() => Assert.Contains("1 patient is erased.", snackbars.Markup));
        page.WaitForAssertion(() => Assert.Equal(["Cy Twombly"],
            page.FindAll("[data-testid=retention-table] tbody tr").Select(r => r.QuerySelector("label")!.TextContent.Trim())));
        Assert.Equal(Domain.Privacy.ErasedPatient.NameOf(ben), (await app.Get<PeopleDirectory>().FindAsync(ben))!.Name);
        Assert.Equal("Cy Twombly", (await app.Get<PeopleDirectory>().FindAsync(cy))!.Name);
    }
}
