using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>What every journey does on the way: sign in, pick a day, confirm a dialog, keep a screenshot.</summary>
public static class Pages
{
    public const string DemoPassword = "ClinicDemo1!";

    public static async Task SignInAsync(IPage page, string email, string password = DemoPassword, string? then = null)
    {
        await page.GotoAsync(then is null ? "/account/login" : $"/account/login?returnUrl={Uri.EscapeDataString(then)}");
        await page.GetByLabel("Email").FillAsync(email);
        await page.GetByLabel("Password").FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Expect(page.GetByTestId("signed-in-as")).ToHaveTextAsync(email);
    }

    /// <summary>The first weekday after today: the demo practice has slots and bookings on it.</summary>
    public static DateOnly NextWeekday() => Weekday(1);

    /// <summary>
    /// The n-th weekday after today (1 = the next one). The demo practice is open on every weekday of the next
    /// 14 days, so n from 1 to 9 always falls on an open day, whatever day the tests run; journeys that change a
    /// day each take their own n so that they do not meet.
    /// </summary>
    public static DateOnly Weekday(int n)
    {
        var date = DateOnly.FromDateTime(DateTime.UtcNow);
        while (n > 0)
        {
            date = date.AddDays(1);
            if (date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                n--;
        }
        return date;
    }

    public static Task PickDateAsync(ILocator input, DateOnly date) => input.FillAsync(date.ToString("yyyy-MM-dd"));

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(RepositoryRoot.Path, "artifacts", "screenshots");
        Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, $"{name}.png"), FullPage = true });
    }
}
