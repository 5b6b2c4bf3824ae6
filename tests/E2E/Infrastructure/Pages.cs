using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>What every journey does on the way: sign in, pick a day, confirm a dialog, keep a screenshot.</summary>
public static class Pages
{
    public const string DemoPassword = "ClinicDemo1!";

    public static async Task SignInAsync(IPage page, string email, string password = DemoPassword, string? then = null, bool waitForName = true)
    {
        await page.GotoAsync(then is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(then)}");
        await SubmitSignInAsync(page, email, password);
        if (waitForName)
            await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(email);
        else
            await Expect(page.GetByTestId("signed-in-as")).ToHaveCountAsync(1);
    }

    /// <summary>Tries to sign in where it should be refused; the form's error says why.</summary>
    public static async Task<ILocator> RefusedSignInAsync(IPage page, string email, string password)
    {
        await page.GotoAsync("/account/login");
        await SubmitSignInAsync(page, email, password);
        var error = page.GetByTestId("form-error");
        await Expect(error).ToBeVisibleAsync();
        return error;
    }

    private static async Task SubmitSignInAsync(IPage page, string email, string password)
    {
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
    }

    /// <summary>
    /// Registers a new patient as a person would: the form, then the link in the confirmation email (from the app's
    /// pickup folder), then signing in. Ends on the Book page.
    /// </summary>
    public static async Task RegisterAsync(IPage page, AppProcess app, string name, string email, string password = "Welcome123")
    {
        await page.GotoAsync("/account/register");
        await page.GetByLabel("Full name").FillAsync(name);
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Phone").FillAsync("+44 7700 900555");
        await page.Locator("input[name='Input.Password']").FillAsync(password);
        await page.GetByLabel("Confirm password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register" }).ClickAsync();
        await Expect(page.GetByTestId("register-sent")).ToContainTextAsync(email);
        await ScreenshotAsync(page, "visitor-registered");

        var message = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory), m => m.Contains($"To: {email}") && m.Contains("Confirm your email"));
        await page.GotoAsync(Mailbox.ConfirmEmailLink(message));
        await Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in to book" }).ClickAsync();
        await SubmitSignInAsync(page, email, password);
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Book an appointment" })).ToBeVisibleAsync();
    }

    /// <summary>
    /// Waits until the page's circuit is live: Blazor has started and the page's own controls are enabled (pages
    /// render their buttons disabled until then). Static pages (sign-in, register) have no circuit.
    /// </summary>
    public static async Task WaitUntilInteractiveAsync(IPage page)
    {
        if (await page.Locator(".account-shell").CountAsync() > 0)
            return;
        await Expect(page.Locator("[data-testid=circuit-live]")).ToHaveCountAsync(1);
    }

    /// <summary>The first weekday after today: the demo practice has slots and bookings on it.</summary>
    public static DateOnly NextWeekday() => Weekday(1);

    /// <summary>
    /// The n-th weekday after the suite's today (1 = the next one, a Tuesday: <see cref="SuiteClock"/>). The demo
    /// practice is open on every weekday of the next 14 days, so n from 1 to 9 always falls on an open day; journeys
    /// that change a day each take their own n so that they do not meet.
    /// </summary>
    public static DateOnly Weekday(int n)
    {
        var date = SuiteClock.Today;
        while (n > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                n--;
        }
        return date;
    }

    /// <summary>Types a date into a date picker's field (as a keyboard user would) and leaves the field, which applies it.</summary>
    public static async Task PickDateAsync(ILocator input, DateOnly date)
    {
        await input.FillAsync(date.ToString("yyyy-MM-dd"));
        await input.PressAsync("Tab");
    }

    /// <summary>
    /// Shows a day on the Book page and waits until its own times are there: a click on the times of the day before
    /// would be lost as the list redraws.
    /// </summary>
    public static async Task ShowAppointmentDayAsync(IPage page, DateOnly day)
    {
        await WaitUntilInteractiveAsync(page);
        await PickDateAsync(page.GetByTestId("book-date"), day);
        await Expect(page.GetByText(day.ToString("dddd d MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture))).ToBeVisibleAsync();
        await Expect(page.GetByTestId("busy")).ToHaveCountAsync(0);
    }

    /// <summary>Opens a drop-down (MudSelect) and chooses the option with exactly this text.</summary>
    public static async Task ChooseAsync(IPage page, ILocator select, string option)
    {
        await select.ClickAsync();
        await page.GetByRole(AriaRole.Option, new() { Name = option, Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Listbox)).ToHaveCountAsync(0);
    }

    /// <summary>
    /// Types into a search-as-you-type field (MudAutocomplete) and chooses the first match containing the text. The
    /// field searches when its text changes; text typed while the page was still drawing its first data can be
    /// dropped on a busy machine, so the typing is tried again (as a person would) before the test gives up.
    /// </summary>
    public static async Task SearchAndChooseAsync(IPage page, ILocator input, string text)
    {
        await Expect(page.GetByTestId("busy")).ToHaveCountAsync(0);
        var match = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = text }).First;
        for (var attempt = 1; ; attempt++)
        {
            await input.FillAsync("");
            await input.PressSequentiallyAsync(text);
            try
            {
                await match.WaitForAsync(new() { Timeout = 5_000 });
                break;
            }
            catch (TimeoutException) when (attempt < 3)
            {
            }
        }
        await match.ClickAsync();
    }

    /// <summary>
    /// Asserts that no outcome notice (snackbar) on the page covers a control a person could press or type into: the rule
    /// for every page that shows one. Retried for a moment, while a notice settles into its place.
    /// </summary>
    public static async Task AssertNoOutcomeCoversAControlAsync(IPage page)
    {
        await Expect(page.Locator(".mud-snackbar").First).ToBeVisibleAsync();
        string[] covered = [];
        await Poll.UntilAsync(async () =>
        {
            covered = await page.EvaluateAsync<string[]>(
                """
                () => {
                    const notices = [...document.querySelectorAll("#mud-snackbar-container .mud-snackbar")].map(n => n.getBoundingClientRect());
                    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
                    // What a person sees of a control: its box cut to the screen and to every ancestor that clips its overflow.
                    const seen = c => {
                        const r = c.getBoundingClientRect();
                        let b = { left: Math.max(r.left, 0), top: Math.max(r.top, 0), right: Math.min(r.right, innerWidth), bottom: Math.min(r.bottom, innerHeight) };
                        for (let a = c.parentElement; a && a !== document.body; a = a.parentElement) {
                            const s = getComputedStyle(a);
                            if (s.overflowX === "visible" && s.overflowY === "visible") continue;
                            const k = a.getBoundingClientRect();
                            b = { left: Math.max(b.left, k.left), top: Math.max(b.top, k.top), right: Math.min(b.right, k.right), bottom: Math.min(b.bottom, k.bottom) };
                        }
                        return b.right > b.left && b.bottom > b.top ? b : null;
                    };
                    return [...document.querySelectorAll("button, a[href], input, select, textarea, [role='button'], [role='combobox'], [role='tab'], [role='switch'], [tabindex='0']")]
                        .filter(c => !c.closest("#mud-snackbar-container"))
                        .filter(c => { const b = seen(c); return b && notices.some(n => overlaps(b, n)); })
                        .map(c => (c.getAttribute("aria-label") || c.textContent || c.tagName).trim().slice(0, 60));
                }
                """);
            return covered.Length == 0;
        }, TimeSpan.FromSeconds(2));
        if (covered.Length > 0)
            Assert.Fail($"An outcome notice covers: {string.Join(", ", covered)}");
    }

    /// <summary>
    /// Expects the page's outcome notice to be titled <paramref name="title"/>, and to cover no control: every journey that
    /// meets an outcome checks the rule through here.
    /// </summary>
    public static async Task ExpectOutcomeAsync(IPage page, string title)
    {
        await Expect(Outcomes(page)).ToHaveTextAsync(title);
        await AssertNoOutcomeCoversAControlAsync(page);
    }

    /// <summary>The titles of the outcome notices (snackbars) on the page: "Booked", "Not booked", …</summary>
    public static ILocator Outcomes(IPage page) => page.GetByTestId("outcome-title");

    /// <summary>A calendar block of one column (a doctor, or a day of the week): booked, free or past.</summary>
    public static ILocator GridBlocks(IPage page, string column, string? kind = null) =>
        page.Locator(kind is null ? $"[data-testid=grid-block][data-column='{column}']" : $"[data-testid=grid-block][data-column='{column}'][data-kind={kind}]");

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
