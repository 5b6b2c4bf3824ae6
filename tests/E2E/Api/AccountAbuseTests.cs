using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>What someone probing for accounts, guessing passwords or flooding inboxes meets.</summary>
[Collection(ClinicAppCollection.Name)]
public class AccountAbuseTests(ClinicAppFixture fixture)
{
    private static string NewEmail() => $"new-{Guid.NewGuid():N}@mail.example";

    private static Task<HttpResponseMessage> ApiSignInAsync(AppProcess app, string email, string password) =>
        app.CreateClient().PostAsJsonAsync("/api/identity/login", new { email, password });

    private static IReadOnlyList<string> Mail(AppProcess app) => Mailbox.PickupFolder(app.DataDirectory);

    [Fact]
    public async Task ANewPatientCanNeitherSignInNorBookUntilTheyOpenTheLinkEmailedToThem()
    {
        var email = NewEmail();
        using var forms = new AccountForms(fixture.App);
        var registered = await forms.RegisterAsync(email);
        Assert.Contains(email, registered.TextOf("register-sent"));
        var first = await Mailbox.WaitForAsync(() => Mail(fixture.App), m => m.Contains($"To: {email}") && m.Contains("Confirm your email"));

        // Not yet: the web form says why and sends the link again; the API gives no token.
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Expect(await Pages.RefusedSignInAsync(page, email, "Welcome123")).ToContainTextAsync("confirm your email");
        var links = await Mailbox.WaitForCountAsync(() => Mail(fixture.App), m => m.Contains($"To: {email}") && m.Contains("Confirm your email"), 2);
        Assert.Equal(2, links.Count);
        using var api = await ApiSignInAsync(fixture.App, email, "Welcome123");
        Assert.Equal(HttpStatusCode.Unauthorized, api.StatusCode);
        Assert.DoesNotContain("accessToken", await api.Content.ReadAsStringAsync());

        // The link (the first one still works) confirms the email; then signing in and booking work.
        await page.GotoAsync(Mailbox.ConfirmEmailLink(first));
        await Expect(page.GetByTestId("email-confirmed")).ToBeVisibleAsync();
        await Pages.SignInAsync(page, email, "Welcome123", then: "/book");
        await Pages.ShowAppointmentDayAsync(page, Pages.Weekday(8));
        await page.Locator(".slot-offer").First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Expect(Pages.Outcomes(page).GetByText("Booked", new() { Exact = true })).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RegisteringWithAnEmailThatHasAnAccountLooksTheSameAndTellsOnlyTheOwnerOfTheAddress()
    {
        var email = NewEmail();
        using var forms = new AccountForms(fixture.App);

        var fresh = await forms.RegisterAsync(email);
        var taken = await forms.RegisterAsync("patient2@demo.clinic", password: "Takeover123", name: "Someone Else");

        Assert.Equal(HttpStatusCode.OK, fresh.Status);
        Assert.Equal(fresh.Status, taken.Status);
        Assert.Equal(fresh.TextOf("register-sent").Replace(email, "EMAIL"), taken.TextOf("register-sent").Replace("patient2@demo.clinic", "EMAIL"));
        Assert.DoesNotContain("already", taken.Html, StringComparison.OrdinalIgnoreCase);
        var notice = await Mailbox.WaitForAsync(() => Mail(fixture.App), m => m.Contains("To: patient2@demo.clinic") && m.Contains("You already have an account"));
        Assert.Contains("/account/login", notice);
        // The account is as it was: the new password does not open it, the old one does.
        using var withNew = await ApiSignInAsync(fixture.App, "patient2@demo.clinic", "Takeover123");
        using var withOld = await ApiSignInAsync(fixture.App, "patient2@demo.clinic", ApiClient.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, withNew.StatusCode);
        Assert.Equal(HttpStatusCode.OK, withOld.StatusCode);
    }

    [Fact]
    public async Task AWrongPasswordTellsNoMoreAboutAnUnconfirmedAccountThanAboutNoAccountAtAll()
    {
        var unconfirmed = NewEmail();
        using var forms = new AccountForms(fixture.App);
        await forms.RegisterAsync(unconfirmed);

        using var apiNobody = await ApiSignInAsync(fixture.App, NewEmail(), "Wrong12345");
        using var apiUnconfirmed = await ApiSignInAsync(fixture.App, unconfirmed, "Wrong12345");
        var webNobody = await forms.SignInAsync(NewEmail(), "Wrong12345");
        var webUnconfirmed = await forms.SignInAsync(unconfirmed, "Wrong12345");

        Assert.Equal(HttpStatusCode.Unauthorized, apiUnconfirmed.StatusCode);
        Assert.Equal("Failed", (await apiNobody.JsonAsync()).GetProperty("detail").GetString());
        Assert.Equal("Failed", (await apiUnconfirmed.JsonAsync()).GetProperty("detail").GetString()); // not "NotAllowed"
        Assert.Equal("The email or password is not right.", webNobody.TextOf("form-error"));
        Assert.Equal(webNobody.TextOf("form-error"), webUnconfirmed.TextOf("form-error"));
    }

    [Fact]
    public async Task ForgotPasswordAnswersAtOnceWhileTheMailServerHasNotEvenSaidHello()
    {
        // A mail server that accepts the connection and never answers: sending would wait two minutes.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        var accepted = new List<TcpClient>();
        var accepting = Task.Run(async () =>
        {
            while (true)
                accepted.Add(await silent.AcceptTcpClientAsync());
        });
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true", ["Email:Smtp:Host"] = "127.0.0.1", ["Email:Smtp:Port"] = ((IPEndPoint)silent.LocalEndpoint).Port.ToString(),
            ["Email:Smtp:Security"] = "None", ["Email:Smtp:TimeoutSeconds"] = "120",
        });
        using var forms = new AccountForms(app); // its requests give up after 30 seconds

        var known = await forms.ForgotPasswordAsync("patient3@demo.clinic");
        var unknown = await forms.ForgotPasswordAsync(NewEmail());

        Assert.Equal(HttpStatusCode.OK, known.Status);
        Assert.Equal(known.TextOf("reset-sent"), unknown.TextOf("reset-sent"));
        Assert.Contains("on its way", known.TextOf("reset-sent"));
        foreach (var client in accepted.ToArray())
            client.Dispose();
    }

    [Fact]
    public async Task TheAccountFormsAreLimitedPerClientAddressAndPerAccount()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true", ["RateLimits:AccountFormsPerAddress"] = "3", ["RateLimits:AccountFormsPerAccount"] = "2",
        });
        using var forms = new AccountForms(app);

        // Per account: the third try at one email is refused, whatever address it comes from.
        var tries = new[]
        {
            await forms.SignInAsync("patient4@demo.clinic", "Wrong1234", forwardedFor: "203.0.113.1"),
            await forms.SignInAsync("patient4@demo.clinic", "Wrong1234", forwardedFor: "203.0.113.2"),
            await forms.SignInAsync("patient4@demo.clinic", ApiClient.Password, forwardedFor: "203.0.113.3"),
        };
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], tries.Select(t => t.Status));
        Assert.Contains("Too many attempts", tries[2].TextOf("form-error"));

        // Signing in rightly spends none of the account's tries: a shared reception PC signs in all day.
        var signIns = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            using var desk = new AccountForms(app);
            signIns.Add((await desk.SignInAsync("reception@demo.clinic", ApiClient.Password, forwardedFor: $"203.0.113.{20 + i}")).Status);
        }
        Assert.All(signIns, status => Assert.Equal(HttpStatusCode.Redirect, status));

        // Per address (the client's own, as the proxy reported it): the fourth post from one address is refused.
        var fromOne = new List<AccountForms.Answer>();
        foreach (var email in new[] { "a@mail.example", "b@mail.example", "c@mail.example", "d@mail.example" })
            fromOne.Add(await forms.ForgotPasswordAsync(email, forwardedFor: "198.51.100.7"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], fromOne.Select(t => t.Status));
        Assert.Equal(HttpStatusCode.OK, (await forms.ForgotPasswordAsync("d@mail.example", forwardedFor: "198.51.100.8")).Status);

        // Register counts on its own, and a refusal registers nobody.
        var registers = new List<AccountForms.Answer>();
        var emails = Enumerable.Range(0, 4).Select(_ => NewEmail()).ToArray();
        foreach (var email in emails)
            registers.Add(await forms.RegisterAsync(email, forwardedFor: "192.0.2.55"));
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.TooManyRequests], registers.Select(t => t.Status));
        await Mailbox.WaitForAsync(() => Mail(app), m => m.Contains($"To: {emails[2]}"));
        Assert.DoesNotContain(Mail(app), m => m.Contains($"To: {emails[3]}"));
    }
}
