using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>
/// A click that lands while a page turns interactive is never lost: on a phone's network (150 ms each way, CPU 4×
/// slower) the page is shown well before it works, and people press what they see. Each journey clicks twenty times, at
/// the very moment the page allows it (from a script in the page, not at the test's pace).
/// </summary>
[Collection(ClinicAppCollection.Name)]
public class FirstClickJourneys(ClinicAppFixture fixture)
{
    private const int Clicks = 20;

    [Fact]
    public async Task AMenuLinkClickedBeforeOrAsThePageTurnsInteractiveAlwaysOpensItsPage()
    {
        var page = await SignedInOnAPhoneAsync();
        // A third of the clicks as soon as the page is shown (before its circuit starts), a third the moment its connection
        // opens (the circuit starting), a third the moment it turns interactive.
        await page.AddInitScriptAsync("""
            (() => {
              const plan = JSON.parse(sessionStorage.getItem("first-click") ?? "null");
              if (!plan || location.pathname !== "/") return;
              sessionStorage.removeItem("first-click");
              const click = () => document.querySelector(`nav a[href="${plan.href}"]`).click();
              if (plan.moment === "shown") { document.addEventListener("DOMContentLoaded", click); return; }
              if (plan.moment === "connected") { // the circuit's connection is open; the page is not drawn by it yet
                const Socket = window.WebSocket;
                window.WebSocket = class extends Socket {
                  constructor(...args) { super(...args); this.addEventListener("open", click, { once: true }); }
                };
                return;
              }
              const watch = new MutationObserver(() => {
                if (document.querySelector("[data-testid=circuit-live]")) { watch.disconnect(); click(); }
              });
              watch.observe(document, { subtree: true, childList: true });
            })();
            """);

        for (var i = 0; i < Clicks; i++)
        {
            var (href, heading) = i % 4 < 2 ? ("book", "Book an appointment") : ("my-appointments", "My appointments");
            var moment = (i % 3) switch { 0 => "shown", 1 => "connected", _ => "interactive" };
            await page.EvaluateAsync("plan => sessionStorage.setItem('first-click', JSON.stringify(plan))", new { href, moment });
            await page.GotoAsync("/", new() { WaitUntil = WaitUntilState.Commit });

            await Expect(page).ToHaveURLAsync(new Uri(fixture.App.BaseAddress, href).ToString(), new() { Timeout = 20_000 });
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = heading, Level = 1 })).ToBeVisibleAsync(new() { Timeout = 20_000 });
            await Expect(page.Locator("[data-testid=circuit-live]")).ToHaveCountAsync(1, new() { Timeout = 20_000 }); // and it works
        }
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ATimeClickedTheMomentItCanBePressedAlwaysGetsItsAnswer()
    {
        var page = await SignedInOnAPhoneAsync();
        await page.AddInitScriptAsync("""
            (() => {
              if (location.pathname !== "/book") return;
              const watch = new MutationObserver(() => {
                const time = document.querySelector("button.slot-offer:not([disabled])");
                if (time) { watch.disconnect(); time.click(); }
              });
              watch.observe(document, { subtree: true, childList: true, attributes: true });
            })();
            """);

        // The answer to a click on a time is the confirmation (the time held), or why it cannot be held: a time let go
        // keeps that clinician's times from the patient for a while (so that times stay fair), and the page says so.
        var confirmations = 0;
        for (var i = 0; i < Clicks; i++)
        {
            await page.GotoAsync($"/book?date={Pages.Weekday(2 + i % 3):yyyy-MM-dd}", new() { WaitUntil = WaitUntilState.Commit });

            var dialog = page.GetByRole(AriaRole.Dialog);
            var confirm = dialog.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true });
            var refused = Pages.Outcomes(page).GetByText("Not booked", new() { Exact = true });
            await Expect(confirm.Or(refused)).ToBeVisibleAsync(new() { Timeout = 20_000 });
            if (await confirm.IsVisibleAsync())
            {
                confirmations++;
                await dialog.GetByRole(AriaRole.Button, new() { Name = "Keep looking" }).ClickAsync(); // the held time is given back
                await Expect(dialog).ToHaveCountAsync(0);
            }
            else
                await Expect(page.GetByTestId("outcome-detail")).ToContainTextAsync("let a time with this clinician go");
        }
        Assert.True(confirmations > 0, "no click opened the confirmation");
        await page.Context.CloseAsync();
    }

    /// <summary>A patient signed in, then the page throttled to a phone's network and CPU (Chromium's own, through CDP).</summary>
    private async Task<IPage> SignedInOnAPhoneAsync()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "patient20@demo.clinic");
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("Network.enable");
        await cdp.SendAsync("Network.emulateNetworkConditions", new()
        {
            ["offline"] = false, ["latency"] = 150, ["downloadThroughput"] = 1_600_000 / 8, ["uploadThroughput"] = 750_000 / 8,
        });
        await cdp.SendAsync("Emulation.setCPUThrottlingRate", new() { ["rate"] = 4 });
        return page;
    }
}
