using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>An HTTP client signed in to the API as one demo account.</summary>
public static class ApiClient
{
    public const string Password = "ClinicDemo1!";

    public static async Task<HttpClient> SignedInAsync(Uri baseAddress, string email, string password = Password)
    {
        var client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var login = await client.PostAsJsonAsync("/api/identity/login", new { email, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, $"Sign-in as {email} failed: {(int)login.StatusCode} {await login.Content.ReadAsStringAsync()}");
        var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Signs in as a clinician and schedules one block of their day (it must be accepted): a journey's own time.</summary>
    public static async Task OpenDayAsync(Uri baseAddress, string clinicianEmail, DateOnly day, string start, string end)
    {
        using var clinician = await SignedInAsync(baseAddress, clinicianEmail);
        using var scheduled = await clinician.PostAsJsonAsync("/api/doctors/me/days", new { date = day.ToString("yyyy-MM-dd"), blocks = new[] { new { start, end } } });
        Assert.Equal(HttpStatusCode.Created, scheduled.StatusCode);
    }

    public static Task<HttpResponseMessage> PostJsonAsync(this HttpClient client, string path, string json) =>
        client.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));

    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response) =>
        JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

    /// <summary>Asserts a problem-details answer with its status and machine-readable error code.</summary>
    public static async Task AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status, string error)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == status, $"Expected {(int)status} {error}, got {(int)response.StatusCode}: {body}");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(error, JsonDocument.Parse(body).RootElement.GetProperty("error").GetString());
    }
}
