using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>Holes an attacker or a careful reviewer would try, each on an app of its own.</summary>
[Collection(ClinicAppCollection.Name)]
public class AccountSecurityTests(ClinicAppFixture fixture)
{
    private static readonly Dictionary<string, string> Demo = new() { ["Seed:Demo"] = "true" };

    private static Task<HttpResponseMessage> ApiSignInAsync(AppProcess app, string email) =>
        app.CreateClient().PostAsJsonAsync("/api/identity/login", new { email, password = ApiClient.Password });

    [Fact]
    public async Task ADeactivatedAccountGetsNoApiToken()
    {
        await using var app = await AppProcess.StartAsync(settings: Demo);
        using var before = await ApiSignInAsync(app, "reception@demo.clinic");
        Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        var tokens = await before.JsonAsync();
        Assert.Equal(600, tokens.GetProperty("expiresIn").GetInt32()); // access tokens live 10 minutes
        using var withToken = app.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
        var date = Pages.NextWeekday().ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync($"/api/slots?date={date}")).StatusCode);

        var admin = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(admin, "admin@demo.clinic", then: "/admin/staff");
        await admin.GetByRole(AriaRole.Button, new() { Name = "Deactivate Rita Reception" }).ClickAsync();
        await admin.GetByTestId("confirm").ClickAsync();
        await Expect(admin.Locator("tr.staff-member").Filter(new() { HasText = "reception@demo.clinic" })).ToContainTextAsync("deactivated");
        await admin.Context.CloseAsync();

        using var after = await ApiSignInAsync(app, "reception@demo.clinic");
        Assert.Equal(HttpStatusCode.Unauthorized, after.StatusCode);
        Assert.DoesNotContain("accessToken", await after.Content.ReadAsStringAsync());
        // The token and refresh token issued before the deactivation die with it.
        await (await withToken.GetAsync($"/api/slots?date={date}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using var refresh = await app.CreateClient().PostAsJsonAsync("/api/identity/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
    }

    [Fact]
    public async Task ANewPasswordEndsEverySessionOfTheOldOne_TokensAtOnce_CookiesAndOpenPagesWithinTheRecheck()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>(Demo) { ["Sessions:RecheckAfter"] = "00:00:01" });
        const string email = "patient9@demo.clinic";
        using var signIn = await ApiSignInAsync(app, email);
        var tokens = await signIn.JsonAsync();
        using var withToken = app.CreateClient();
        withToken.DefaultRequestHeaders.Authorization = new("Bearer", tokens.GetProperty("accessToken").GetString());
        var date = Pages.NextWeekday().ToString("yyyy-MM-dd");
        Assert.Equal(HttpStatusCode.OK, (await withToken.GetAsync($"/api/slots?date={date}")).StatusCode);
        var open = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(open, email, then: "/my-bookings");
        await Pages.WaitUntilInteractiveAsync(open);

        // The patient resets their password from another browser.
        var reset = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await reset.GotoAsync("/account/forgot-password");
        await reset.GetByLabel("Email").FillAsync(email);
        await reset.GetByRole(AriaRole.Button, new() { Name = "Send me a link" }).ClickAsync();
        var message = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory), m => m.Contains($"To: {email}") && m.Contains("Reset your"));
        await reset.GotoAsync(Mailbox.SetPasswordLink(message));
        await reset.Locator("input[name='Input.Password']").FillAsync("BrandNew123");
        await reset.GetByLabel("Confirm password").FillAsync("BrandNew123");
        await reset.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
        await Expect(reset.GetByTestId("password-set")).ToBeVisibleAsync();

        await (await withToken.GetAsync($"/api/slots?date={date}")).AssertProblemAsync(HttpStatusCode.Unauthorized, "unauthorized");
        using var refresh = await app.CreateClient().PostAsJsonAsync("/api/identity/refresh", new { refreshToken = tokens.GetProperty("refreshToken").GetString() });
        Assert.Equal(HttpStatusCode.Unauthorized, refresh.StatusCode);
        // The page left open, which sends no requests, is signed out by its own check (and its cookie with it).
        await Expect(open).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 15_000 });
        using var withNew = await app.CreateClient().PostAsJsonAsync("/api/identity/login", new { email, password = "BrandNew123" });
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        await open.Context.CloseAsync();
        await reset.Context.CloseAsync();
    }

    [Theory]
    [InlineData("/api/identity/register")]
    [InlineData("/api/identity/register/")]
    [InlineData("/api/identity/REGISTER/")]
    public async Task NoSpellingOfTheRegisterAddressCreatesAnAccount(string path)
    {
        var email = $"sneak-{Guid.NewGuid():N}@mail.example";
        using var client = fixture.App.CreateClient();

        using var register = await client.PostAsJsonAsync(path, new { email, password = "Sneaky123" });
        using var signIn = await client.PostAsJsonAsync("/api/identity/login", new { email, password = "Sneaky123" });

        Assert.Equal(HttpStatusCode.NotFound, register.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, signIn.StatusCode);
    }

    [Fact]
    public async Task AResetLinkComesFromTheConfiguredAddressWhateverHostTheRequestNamed()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>(Demo) { ["Email:LinkBaseUrl"] = "https://clinic.example" });
        using var forms = new AccountForms(app);

        var sent = await forms.ForgotPasswordAsync("patient14@demo.clinic", host: "evil.example");
        Assert.Equal(HttpStatusCode.OK, sent.Status);

        var message = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(app.DataDirectory), m => m.Contains("To: patient14@demo.clinic") && m.Contains("Reset your"));
        Assert.Contains("https://clinic.example/account/set-password?userId=", message);
        Assert.DoesNotContain("evil.example", message);
    }

    [Fact]
    public async Task ASignedInPatientStaysSignedInAcrossARestartBecauseTheKeysLiveWithTheData()
    {
        var data = Directory.CreateTempSubdirectory("clinicportal-keys-").FullName;
        BrowserNewContextOptions? signedIn;
        await using (var first = await AppProcess.StartAsync(dataDirectory: data, settings: Demo))
        {
            var page = await fixture.Browser.NewPageAsync(first.BaseAddress);
            await Pages.SignInAsync(page, "patient9@demo.clinic", then: "/my-bookings");
            signedIn = new BrowserNewContextOptions { StorageState = await page.Context.StorageStateAsync() };
            await page.Context.CloseAsync();
        }
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(data, "keys"), "key-*.xml"));

        await using var second = await AppProcess.StartAsync(dataDirectory: data, settings: Demo);
        signedIn.BaseURL = second.BaseAddress.ToString();
        var context = await fixture.Browser.Chromium.NewContextAsync(signedIn);
        var again = await context.NewPageAsync();
        await again.GotoAsync("/my-bookings");

        await Expect(again.GetByRole(AriaRole.Heading, new() { Name = "My appointments" })).ToBeVisibleAsync();
        await Expect(again.GetByTestId("signed-in-as")).ToHaveTextAsync("patient9@demo.clinic");
        await context.CloseAsync();
    }

    [Theory]
    [InlineData("GET", "/api/identity/manage/info", null, HttpStatusCode.Unauthorized)] // not for bearer tokens; unused, so 404 once signed in
    [InlineData("POST", "/api/identity/manage/info", "{}", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/api/identity/refresh", "{\"refreshToken\": \"not-a-token\"}", HttpStatusCode.Unauthorized)]
    [InlineData("POST", "/api/identity/login", "{\"email\": null, \"password\": null}", HttpStatusCode.BadRequest)]
    [InlineData("POST", "/api/identity/forgotPassword", "{\"email\": null}", HttpStatusCode.NotFound)]
    [InlineData("GET", "/api/identity/confirmEmail?userId=x&code=y", null, HttpStatusCode.NotFound)]
    public async Task IdentityEndpointsAnswerAnApiClientWithProblemDetailsNeverARedirectOrAServerError(string method, string path, string? json, HttpStatusCode expected)
    {
        using var signedIn = await ApiClient.SignedInAsync(fixture.App.BaseAddress, "patient7@demo.clinic");
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (json is not null)
            request.Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task TheLogNamesNobody()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>(Demo)
        {
            ["Seed:AdminEmail"] = "owner@clinic.example", ["Seed:AdminPassword"] = "Owner12345",
        });
        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.RegisterAsync(page, app, "Lena Logcheck", "lena.logcheck@mail.example");
        await page.Context.CloseAsync();
        var wrong = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.RefusedSignInAsync(wrong, "patient5@demo.clinic", "not-the-password");
        await wrong.Context.CloseAsync();
        (await ApiSignInAsync(app, "patient6@demo.clinic")).Dispose();

        var log = app.Output;
        foreach (var personal in new[] { "lena.logcheck@mail.example", "Lena Logcheck", "owner@clinic.example", "patient5@demo.clinic", "patient6@demo.clinic", "Patient 05" })
            Assert.DoesNotContain(personal, log);
    }
}
