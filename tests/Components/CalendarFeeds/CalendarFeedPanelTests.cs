using ClinicPortal.Domain;
using ClinicPortal.Features.CalendarFeeds;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.CalendarFeeds;

/// <summary>The calendar address panels over the app's real accounts: copying, making a new address, reception's list.</summary>
public class CalendarFeedPanelTests : ClinicTestContext
{
    private TestApp app = default!;
    private Guid hart;
    private Guid okafor;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.example", Roles.Doctor);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    private static string Secret(string address) => address[(address.LastIndexOf('/') + 1)..^".ics".Length];

    private static string AddressIn(IRenderedComponent<CalendarFeedPanel> panel) =>
        panel.WaitForElement("[data-testid=feed-address] input, input[data-testid=feed-address]").GetAttribute("value")!;

    [Fact]
    public async Task MakingANewAddressAsksFirst_ThenShowsANewOneAndTheOldOneOpensNothing()
    {
        var (dialogs, snackbars) = RenderProviders();
        var panel = Render<CalendarFeedPanel>(p => p.Add(x => x.AccountId, hart).Add(x => x.CanRenew, true));
        var old = AddressIn(panel);
        Assert.StartsWith("webcal://localhost/calendar/", old);

        var renewing = panel.Find("[data-testid=feed-renew]").ClickAsync(new()); // done when the dialog is answered
        dialogs.WaitForElement("[data-testid=confirm-dialog]");
        Assert.Contains("stops working at once", dialogs.Find("[data-testid=confirm-message]").TextContent);
        Assert.Equal(old, AddressIn(panel)); // nothing happens before the answer
        await dialogs.Find("[data-testid=confirm]").ClickAsync(new());
        await renewing;

        panel.WaitForAssertion(() => Assert.NotEqual(old, AddressIn(panel)));
        var feeds = app.Get<CalendarSubscriptions>();
        Assert.Null(await feeds.ReadAsync(Secret(old)));
        Assert.NotNull(await feeds.ReadAsync(Secret(AddressIn(panel))));
        Assert.Contains("the old one no longer works", snackbars.Markup);
    }

    [Fact]
    public void CopyingSaysSo_OrSaysTheAddressIsSelectedWhereTheBrowserWouldNotCopy()
    {
        var (_, snackbars) = RenderProviders();
        JSInterop.Setup<bool>("clinicCopy", _ => true).SetResult(false);
        var panel = Render<CalendarFeedPanel>(p => p.Add(x => x.AccountId, hart));

        Assert.Empty(panel.FindAll("[data-testid=feed-renew]"));
        panel.Find("[data-testid=feed-copy]").Click();

        var copy = Assert.Single(JSInterop.Invocations, i => i.Identifier == "clinicCopy");
        Assert.Equal(AddressIn(panel), copy.Arguments[0]);
        snackbars.WaitForAssertion(() => Assert.Contains("the address is selected", snackbars.Markup));
    }

    [Fact]
    public async Task ReceptionSeesEveryActiveCliniciansAddress_AndCannotMakeNewOnes()
    {
        var (dialogs, _) = RenderProviders();
        var feeds = app.Get<CalendarSubscriptions>();
        var service = Services.GetRequiredService<IDialogService>();

        await dialogs.InvokeAsync(() => service.ShowAsync<CalendarFeedsDialog>("Clinicians' calendar addresses"));

        dialogs.WaitForAssertion(() => Assert.Equal(2, dialogs.FindAll("[data-testid=calendar-feed] input").Count));
        Assert.Equal(
            [await feeds.AddressAsync(hart, "http://localhost/"), await feeds.AddressAsync(okafor, "http://localhost/")],
            dialogs.FindAll("[data-testid=calendar-feed] input").Select(i => i.GetAttribute("value")));
        Assert.Contains("Dr Ada Hart's calendar address", dialogs.Markup);
        Assert.Empty(dialogs.FindAll("[data-testid=feed-renew]"));
    }
}
