using System.Net;
using System.Text.RegularExpressions;

namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>
/// Posts the sign-in, register and forgot-password forms as a browser without scripts would: fetch the page for its
/// anti-forgery token, then post the fields. For what a browser cannot do: send a forged header, count responses.
/// </summary>
public sealed partial class AccountForms(AppProcess app) : IDisposable
{
    private readonly HttpClient _client = new(new HttpClientHandler { CookieContainer = new CookieContainer(), AllowAutoRedirect = false })
    {
        BaseAddress = app.BaseAddress, Timeout = TimeSpan.FromSeconds(30),
    };

    public sealed record Answer(HttpStatusCode Status, string Html)
    {
        /// <summary>The text of the element with this test id ("" when there is none).</summary>
        public string TextOf(string testId) =>
            WebUtility.HtmlDecode(Regex.Replace(Regex.Match(Html, $"data-testid=\"{testId}\"[^>]*>(?<inner>.*?)</(div|p)>", RegexOptions.Singleline).Groups["inner"].Value, "<[^>]+>", ""));
    }

    /// <summary>The client the forms are posted with: after a successful sign-in it carries that person's cookie.</summary>
    public HttpClient Client => _client;

    public Task<Answer> SignInAsync(string email, string password, string? forwardedFor = null) =>
        PostAsync("/account/login", "login", new() { ["Input.Email"] = email, ["Input.Password"] = password }, forwardedFor);

    public Task<Answer> ForgotPasswordAsync(string email, string? forwardedFor = null, string? host = null) =>
        PostAsync("/account/forgot-password", "forgot", new() { ["Input.Email"] = email }, forwardedFor, host);

    public Task<Answer> RegisterAsync(string email, string password = "Welcome123", string name = "Rae Register", string? forwardedFor = null) =>
        PostAsync("/account/register", "register", new()
        {
            ["Input.Name"] = name, ["Input.Email"] = email, ["Input.Phone"] = "+44 7700 900321",
            ["Input.Password"] = password, ["Input.ConfirmPassword"] = password,
        }, forwardedFor);

    private async Task<Answer> PostAsync(string path, string form, Dictionary<string, string> fields, string? forwardedFor, string? host = null)
    {
        using var get = new HttpRequestMessage(HttpMethod.Get, path);
        if (host is not null) get.Headers.Host = host;
        using var page = await _client.SendAsync(get);
        var token = TokenPattern().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(token), $"{path} has no anti-forgery token");
        fields["_handler"] = form;
        fields["__RequestVerificationToken"] = token;
        using var post = new HttpRequestMessage(HttpMethod.Post, path) { Content = new FormUrlEncodedContent(fields) };
        if (forwardedFor is not null) post.Headers.Add("X-Forwarded-For", forwardedFor);
        if (host is not null) post.Headers.Host = host;
        using var answer = await _client.SendAsync(post);
        return new Answer(answer.StatusCode, await answer.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public void Dispose() => _client.Dispose();
}
