using System.Net;
using System.Text;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Api;

/// <summary>
/// Every endpoint the API describes (its own and Identity's), called with bad input by callers of every kind: the
/// answer is always a 4xx with problem details or a success, never a server error and never a redirect.
/// </summary>
[Collection(ClinicAppCollection.Name)]
public class ApiFuzzTests
{
    private static readonly string[] Bodies =
    [
        "", "null", "{}", "[]", "\"text\"", "42", "{", "{\"a\":", "\u0000",
        "{\"email\":null,\"password\":null,\"refreshToken\":null,\"slotIds\":null,\"patientId\":null,\"date\":null,\"blocks\":null,\"reason\":null}",
        "{\"email\":42,\"password\":[],\"refreshToken\":{},\"slotIds\":\"x\",\"patientId\":\"x\",\"date\":\"2026-02-30\",\"blocks\":[{}],\"reason\":7}",
        "{\"slotIds\":[null],\"blocks\":[{\"start\":null,\"end\":\"25:99\"}],\"date\":\"9999-12-31\"}",
        "{\"email\":\"" + new string('a', 5000) + "@x.example\",\"password\":\"x\"}",
    ];

    // (A %00 in the path is refused by the web server itself, before the app, with an empty 400: not the app's answer.)
    private static readonly string[] PathValues = ["x", "00000000-0000-0000-0000-000000000000", "2026-13-45", "%20"];

    private static readonly string[] Queries = ["", "?date=not-a-date", "?date=0001-01-01&userId=x&code=y", "?useCookies=maybe"];

    [Fact]
    public async Task NoBadInputFromAnyCallerGetsAServerErrorOrARedirect()
    {
        await using var app = await AppProcess.StartAsync(settings: new Dictionary<string, string>
        {
            ["Seed:Demo"] = "true",
        });
        var callers = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = new(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress },
            ["patient"] = await SignedInAsync(app, "patient5@demo.clinic"),
            ["reception"] = await SignedInAsync(app, "reception@demo.clinic"),
            ["doctor"] = await SignedInAsync(app, "doctor1@demo.clinic"),
            ["owner"] = await SignedInAsync(app, "admin@demo.clinic"),
        };
        var endpoints = await EndpointsAsync(callers["anonymous"]);
        Assert.Contains(endpoints, e => e.Path == "/api/identity/login");
        Assert.Contains(endpoints, e => e.Path == "/api/bookings");

        var wrong = new List<string>();
        var tried = 0;
        foreach (var (method, template) in endpoints)
        foreach (var path in Paths(template))
        foreach (var query in Queries)
        foreach (var body in method == "GET" ? [""] : Bodies)
        foreach (var (who, client) in callers)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path + query);
            if (body.Length > 0)
                request.Content = new StringContent(body, Encoding.UTF8, "application/json");
            using var response = await client.SendAsync(request);
            tried++;
            var status = (int)response.StatusCode;
            var isProblem = response.Content.Headers.ContentType?.MediaType == "application/problem+json";
            if (status >= 500 || status is >= 300 and < 400 || (status >= 400 && !isProblem))
                wrong.Add($"{who} {method} {path}{query} {Shorten(body)} → {status} {response.Content.Headers.ContentType?.MediaType}");
        }

        // A null inside any list of any request body, to every endpoint that takes a body: refused, whoever asks.
        var listBodies = NullInEveryList().ToArray();
        Assert.Contains(listBodies, body => body.Contains("\"parts\":[null,null]"));
        Assert.Contains(listBodies, body => body.Contains("\"serviceId\":")); // the contract's names, as callers send them
        Assert.Contains(listBodies, body => body.Contains("\"blocks\":[null,null]")); // a request of another use case's folder
        foreach (var (method, template) in endpoints.Where(e => e.Method != "GET"))
        foreach (var path in Paths(template).Take(2))
        foreach (var body in listBodies)
        foreach (var (who, client) in callers)
        {
            using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            using var response = await client.SendAsync(request);
            tried++;
            var status = (int)response.StatusCode;
            if (status is < 400 or >= 500 || response.Content.Headers.ContentType?.MediaType != "application/problem+json")
                wrong.Add($"{who} {method} {path} {Shorten(body)} → {status} {response.Content.Headers.ContentType?.MediaType}");
        }

        // The downloads the pages link to, with the owner's cookie: bad ranges are refused in words.
        using var owner = new AccountForms(app);
        Assert.Equal(HttpStatusCode.Redirect, (await owner.SignInAsync("admin@demo.clinic", ApiClient.Password)).Status);
        foreach (var query in Ranges)
        {
            using var response = await owner.Client.GetAsync(Features.Admin.Reports.ReportDownload.Path + query);
            tried++;
            var status = (int)response.StatusCode;
            if (status >= 500 || status is >= 300 and < 400)
                wrong.Add($"owner's cookie GET {Features.Admin.Reports.ReportDownload.Path}{query} → {status}");
        }

        Assert.True(tried > 1000, $"only {tried} requests were tried");
        Assert.True(wrong.Count == 0, $"{wrong.Count} of {tried} answers were wrong:\n{string.Join("\n", wrong.Distinct().Take(40))}");
        foreach (var client in callers.Values)
            client.Dispose();
    }

    private static readonly string[] Ranges =
    [
        "", "?from=9999-12-31&to=9999-12-31", "?from=0001-01-01&to=9999-12-31", "?from=2026-02-30&to=x", "?from=2026-12-01&to=2026-11-01",
        "?from=0001-01-01&to=0001-01-01",
    ];

    /// <summary>
    /// For each list of each request body the API reads (its <c>…Request</c> records), a body with that list holding nulls
    /// and every other field a plausible value.
    /// </summary>
    private static IEnumerable<string> NullInEveryList()
    {
        // Every request body the API reads: each use case's (Features/<Area>/<UseCase>/…Request), wherever it lives.
        var requests = typeof(Features.Api.ApiJson).Assembly.GetTypes()
            .Where(t => t.Namespace?.StartsWith("ClinicPortal.Features.", StringComparison.Ordinal) == true && t.Name.EndsWith("Request", StringComparison.Ordinal) && t.IsClass);
        foreach (var type in requests)
        {
            var properties = type.GetProperties();
            foreach (var list in properties.Where(p => IsList(p.PropertyType)))
            {
                var body = properties.ToDictionary(JsonName, p => p == list ? "[null,null]" : Plausible(p.PropertyType));
                yield return "{" + string.Join(",", body.Select(f => $"\"{f.Key}\":{f.Value}")) + "}";
            }
        }
    }

    /// <summary>A property's name in the JSON: the contract's own where it names one (<c>serviceId</c>), else camelCase.</summary>
    private static string JsonName(System.Reflection.PropertyInfo property) =>
        property.GetCustomAttributes(typeof(System.Text.Json.Serialization.JsonPropertyNameAttribute), true) is [System.Text.Json.Serialization.JsonPropertyNameAttribute named, ..]
            ? named.Name
            : JsonNamingPolicy.CamelCase.ConvertName(property.Name);

    private static bool IsList(Type type) => type != typeof(string) && type.IsAssignableTo(typeof(System.Collections.IEnumerable));

    private static string Plausible(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type == typeof(string) ? "\"X\""
            : type == typeof(Guid) ? "\"00000000-0000-0000-0000-000000000001\""
            : type == typeof(int) ? "10"
            : type == typeof(bool) ? "true"
            : type == typeof(DateTimeOffset) ? "\"2026-12-14T10:00:00+00:00\""
            : IsList(type) ? "[]"
            : "{}";
    }

    private static async Task<HttpClient> SignedInAsync(AppProcess app, string email)
    {
        var client = await ApiClient.SignedInAsync(app.BaseAddress, email);
        var noRedirects = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.BaseAddress };
        noRedirects.DefaultRequestHeaders.Authorization = client.DefaultRequestHeaders.Authorization;
        client.Dispose();
        return noRedirects;
    }

    /// <summary>Every operation the OpenAPI document lists under /api.</summary>
    private static async Task<IReadOnlyList<(string Method, string Path)>> EndpointsAsync(HttpClient client)
    {
        using var document = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json"));
        return document.RootElement.GetProperty("paths").EnumerateObject()
            .Where(path => path.Name.StartsWith("/api/", StringComparison.Ordinal))
            .SelectMany(path => path.Value.EnumerateObject()
                .Where(operation => operation.Name is "get" or "post" or "put" or "delete" or "patch")
                .Select(operation => (operation.Name.ToUpperInvariant(), path.Name)))
            .ToArray();
    }

    private static IEnumerable<string> Paths(string template) =>
        template.Contains('{')
            ? PathValues.Select(value => System.Text.RegularExpressions.Regex.Replace(template, @"\{[^}]+\}", value))
            : [template];

    private static string Shorten(string body) => body.Length > 60 ? body[..60] + "…" : body;
}
