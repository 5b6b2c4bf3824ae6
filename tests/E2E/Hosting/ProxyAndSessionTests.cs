using System.Net;
using System.Net.Http.Json;
using ClinicPortal.Tests.E2E.Api;
using System.Text.RegularExpressions;
using ClinicPortal.Tests.E2E.Infrastructure;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Hosting;

/// <summary>The app behind a TLS proxy, its security headers, and how long a browser session lasts.</summary>
[Collection(ClinicAppCollection.Name)]
public class ProxyAndSessionTests(ClinicAppFixture fixture)
{
    private static readonly Dictionary<string, string> Demo = new() { ["Seed:Demo"] = "true" };

    [Theory]
    [InlineData("/")]
    [InlineData("/account/login")]
    [InlineData("/api/slots?date=2026-01-01")]
    [InlineData("/health/live")]
    [InlineData("/app.css")]
    public async Task EveryResponseCarriesTheSecurityHeaders(string path)
    {
        using var client = fixture.App.CreateClient();

        using var response = await client.GetAsync(path);

        var csp = Assert.Single(response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("no-referrer", Assert.Single(response.Headers.GetValues("Referrer-Policy")));
    }

    [Fact]
    public async Task BehindATlsProxy_TheAnswerHasHstsAndTheSessionCookieIsSecure_AndPlainHttpHasNeither()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fixture.App.BaseAddress };

        var overTls = await SignInWithCookieAsync(client, forwardedHttps: true);
        var plain = await SignInWithCookieAsync(client, forwardedHttps: false);

        Assert.True(overTls.Headers.Contains("Strict-Transport-Security"), "HSTS is sent when the proxy says the request came over HTTPS");
        Assert.Contains(overTls.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith("ClinicPortal.Auth=") && cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain(plain.Headers.GetValues("Set-Cookie"), cookie => cookie.Contains("secure", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task BehindATlsProxy_TheAntiforgeryCookieIsSecureToo_AndOverPlainHttpItIsNot()
    {
        using var client = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = fixture.App.BaseAddress };

        async Task<string> AntiforgeryCookieAsync(bool forwardedHttps)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/account/login");
            if (forwardedHttps)
                request.Headers.Add("X-Forwarded-Proto", "https");
            using var response = await client.SendAsync(request);
            return Assert.Single(response.Headers.GetValues("Set-Cookie"), cookie => cookie.StartsWith(".AspNetCore.Antiforgery.", StringComparison.Ordinal));
        }

        Assert.Contains("secure", await AntiforgeryCookieAsync(forwardedHttps: true), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("secure", await AntiforgeryCookieAsync(forwardedHttps: false), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("/my-bookings")]
    [InlineData("/admin/settings")]
    public async Task ARedirectNeverLeadsToTheHostTheRequestNamed(string path)
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = fixture.App.BaseAddress };
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "evil.example";

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/login", location);
        Assert.DoesNotContain("evil.example", location);
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("DELETE")]
    [InlineData("TRACE")]
    [InlineData("PROPFIND")]
    public async Task HealthIsOnlyAsked_GetAndHeadAnswer_OtherMethodsAre405(string method)
    {
        using var client = fixture.App.CreateClient();
        foreach (var path in new[] { "/health/ready", "/health/live" })
        {
            using var other = await client.SendAsync(new HttpRequestMessage(new HttpMethod(method), path));
            Assert.Equal(HttpStatusCode.MethodNotAllowed, other.StatusCode);
            using var head = await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, path));
            Assert.Equal(HttpStatusCode.OK, head.StatusCode);
        }
    }

    [Fact]
    public async Task AnApiBodyOverItsLimit_TheFrameworksSignInToo_Is413_WithOrWithoutALength()
    {
        using var client = fixture.App.CreateClient();
        var huge = "{\"email\":\"" + new string('a', 1024 * 1024) + "@x.example\",\"password\":\"x\"}";

        using var withLength = await client.PostAsync("/api/identity/login", new StringContent(huge, System.Text.Encoding.UTF8, "application/json"));
        await withLength.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge, "payload_too_large");

        var streamed = new StreamContent(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(huge)));
        streamed.Headers.ContentType = new("application/json");
        using var chunked = new HttpRequestMessage(HttpMethod.Post, "/api/identity/login") { Content = streamed };
        chunked.Headers.TransferEncodingChunked = true;
        using var withoutLength = await client.SendAsync(chunked);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, withoutLength.StatusCode);
    }

    private static async Task<HttpResponseMessage> SignInWithCookieAsync(HttpClient client, bool forwardedHttps)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/identity/login?useCookies=true")
        {
            Content = JsonContent.Create(new { email = "patient3@demo.clinic", password = ApiClient.Password }),
        };
        if (forwardedHttps)
        {
            request.Headers.Add("X-Forwarded-Proto", "https");
            request.Headers.Add("X-Forwarded-Host", "clinic.example");
        }
        var response = await client.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return response;
    }

    private static async Task<HttpClient> BrowserLikeClientAsync(AppProcess app)
    {
        var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        using var signIn = await client.PostAsJsonAsync("/api/identity/login?useCookies=true", new { email = "patient4@demo.clinic", password = ApiClient.Password });
        Assert.True(signIn.IsSuccessStatusCode, await signIn.Content.ReadAsStringAsync());
        return client;
    }

    private static async Task<bool> SignedInAsync(HttpClient client)
    {
        using var page = await client.GetAsync("/my-bookings");
        return page.StatusCode == HttpStatusCode.OK;
    }

    [Fact]
    public async Task ASessionLeftIdlePastItsTimeoutIsSignedOut()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>(Demo) { ["Sessions:IdleTimeout"] = "00:00:04" });
        using var client = await BrowserLikeClientAsync(app);
        Assert.True(await SignedInAsync(client));
        var lastRequest = DateTimeOffset.UtcNow;

        await Poll.PastAsync(() => DateTimeOffset.UtcNow, lastRequest.AddSeconds(6), TimeSpan.FromSeconds(10)); // idle: no request meanwhile

        Assert.False(await SignedInAsync(client));
    }

    [Fact]
    public async Task ASessionInUseAllTheTimeStillEndsAtItsAbsoluteLimit()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>(Demo) { ["Sessions:AbsoluteTimeout"] = "00:00:05" });
        using var client = await BrowserLikeClientAsync(app);
        var stillIn = new List<bool>();

        // A request every second until it is signed out.
        await Poll.UntilAsync(async () => { stillIn.Add(await SignedInAsync(client)); return !stillIn[^1]; }, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(1));

        Assert.True(stillIn[0], "signed in at first");
        Assert.True(stillIn.Count(signedIn => signedIn) >= 3, "signed in while in use, until the limit");
        Assert.False(stillIn[^1], "signed out after the absolute limit, although it was never idle");
    }

    [Fact]
    public async Task APageLeftOpenIsSignedOutAtTheAbsoluteLimitThoughItSendsNoRequests()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>(Demo)
        {
            ["Sessions:AbsoluteTimeout"] = "00:00:08", ["Sessions:RecheckAfter"] = "00:00:01",
        });
        var page = await fixture.Browser.NewPageAsync(app.BaseAddress);
        await Pages.SignInAsync(page, "patient5@demo.clinic", then: "/my-bookings");
        await Pages.WaitUntilInteractiveAsync(page);
        await Expect(page).ToHaveURLAsync(new Regex("/my-bookings"));

        // Open well past the limit: the live connection's own check signs it out.
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"), new() { Timeout = 20_000 });
        await page.Context.CloseAsync();
    }
}
