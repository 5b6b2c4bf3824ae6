using System.Net;
using System.Text.Json;
using ClinicPortal.Tests.E2E.Infrastructure;

namespace ClinicPortal.Tests.E2E.Hosting;

public class HealthTests
{
    [Fact]
    public async Task AFreshDataFolderIsLiveAndReady()
    {
        await using var app = await AppProcess.StartAsync();
        using var client = app.CreateClient();

        using var live = await client.GetAsync("/health/live");
        using var ready = await client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.True(File.Exists(Path.Combine(app.DataDirectory, "clinic.db")), "clinic.db was not created in the data folder.");
    }

    [Fact]
    public async Task TheMemoryFiguresAreOffUnlessTurnedOn_AndThenCountTheOpenPages()
    {
        await using var off = await AppProcess.StartAsync();
        using var offClient = off.CreateClient();
        using var hidden = await offClient.GetAsync("/health/memory");
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);

        await using var on = await AppProcess.StartAsync(settings: new Dictionary<string, string> { ["Diagnostics:MemoryEndpoint"] = "true" });
        using var onClient = on.CreateClient();
        using var figures = await onClient.GetAsync("/health/memory");
        Assert.Equal(HttpStatusCode.OK, figures.StatusCode);
        using var body = JsonDocument.Parse(await figures.Content.ReadAsStringAsync());
        Assert.Equal(0, body.RootElement.GetProperty("circuits").GetInt32());
        Assert.True(body.RootElement.GetProperty("managedHeapBytes").GetInt64() > 0);
        Assert.True(body.RootElement.GetProperty("workingSetBytes").GetInt64() >= body.RootElement.GetProperty("managedHeapBytes").GetInt64());
    }

    [Fact]
    public async Task ADataFolderThatCannotBeWrittenIsLiveButNotReady()
    {
        // A folder "inside" a regular file can never be created, even by root (whom chmod does not stop).
        var blocker = Path.GetTempFileName();
        var unwritable = Path.Combine(blocker, "data");
        try
        {
            await using var app = await AppProcess.StartAsync(dataDirectory: unwritable, waitFor: "/health/live");
            using var client = app.CreateClient();

            using var ready = await client.GetAsync("/health/ready");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
            using var body = JsonDocument.Parse(await ready.Content.ReadAsStringAsync());
            Assert.Equal("Unhealthy", body.RootElement.GetProperty("status").GetString());
            var failed = body.RootElement.GetProperty("checks").EnumerateArray()
                .Where(check => check.GetProperty("status").GetString() == "Unhealthy")
                .Select(check => check.GetProperty("name").GetString())
                .ToArray();
            Assert.Contains("data-directory", failed);
            // An anonymous caller learns that, not where the data lives or why: the reason is in the log.
            Assert.DoesNotContain(unwritable, body.RootElement.GetRawText());
            Assert.DoesNotContain("description", body.RootElement.GetRawText());
            await Poll.AssertAsync(() => app.Output.Contains("not writable"), "the reason was logged", TimeSpan.FromSeconds(10)); // the console logs from a queue
        }
        finally
        {
            File.Delete(blocker);
        }
    }

    [Fact]
    public async Task TheHomePageCarriesTheBlazorScriptAndTheScriptIsServed()
    {
        await using var app = await AppProcess.StartAsync();
        using var client = app.CreateClient();

        var home = await client.GetStringAsync("/");
        // Blazor's script and MudBlazor's files, by the addresses the page names (fingerprinted by the static asset pipeline).
        var blazor = System.Text.RegularExpressions.Regex.Match(home, "_framework/blazor\\.web\\.[a-z0-9]+\\.js").Value;
        using var script = await client.GetAsync("/" + blazor);
        var mud = System.Text.RegularExpressions.Regex.Matches(home, "_content/MudBlazor/[^\"]+").Select(m => m.Value).Distinct().ToArray();

        Assert.NotEqual("", blazor);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains(mud, a => a.Contains(".css"));
        Assert.Contains(mud, a => a.Contains(".js"));
        foreach (var asset in mud)
        {
            using var response = await client.GetAsync("/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }

    [Fact]
    public async Task NoJavaScriptInitializersAreLeftOutWhenThePageSaysThereAreNone()
    {
        // clinic.js starts the circuit with no initializers, sparing the request for them: true only while there are none.
        await using var app = await AppProcess.StartAsync();
        using var client = app.CreateClient();

        Assert.Equal("[]", await client.GetStringAsync("/_blazor/initializers"));
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task EveryTextAssetAndThePageItselfGoOutCompressedAndFingerprintedAssetsAreCachedForGood(string encoding)
    {
        await using var app = await AppProcess.StartAsync();
        using var client = new HttpClient(new SocketsHttpHandler { AutomaticDecompression = System.Net.DecompressionMethods.None }) { BaseAddress = app.BaseAddress };
        client.DefaultRequestHeaders.TryAddWithoutValidation("Accept-Encoding", encoding);

        using var page = await client.GetAsync("/account/login");
        var html = await DecodedAsync(page);
        var assets = System.Text.RegularExpressions.Regex.Matches(html, "(?:href|src)=\"(?<url>[^\"]+\\.(?:css|js|png))\"")
            .Select(m => m.Groups["url"].Value).Distinct().ToArray();

        Assert.Equal([encoding], page.Content.Headers.ContentEncoding);
        Assert.Contains(assets, a => a.Contains("MudBlazor.min.") && a.EndsWith(".css"));
        Assert.Contains(assets, a => a.Contains("MudBlazor.min.") && a.EndsWith(".js"));
        Assert.Contains(assets, a => a.StartsWith("_framework/blazor.web."));
        // The theme's variables are a stylesheet of their own, not 13 KB inline in every page.
        var theme = Assert.Single(assets, a => a.StartsWith("theme."));
        Assert.DoesNotContain("--mud-palette-primary", html);
        var themeCss = await DecodedAsync(await client.GetAsync("/" + theme));
        Assert.Contains("--mud-palette-primary", themeCss);
        Assert.Contains("--mud-zindex-dialog", themeCss);
        Assert.DoesNotContain("<", themeCss); // rules only: a tag left in would void the rule after it
        foreach (var asset in assets)
        {
            using var response = await client.GetAsync("/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            // Every asset the page names is fingerprinted, so a browser keeps it and never asks again.
            Assert.Equal("max-age=31536000, immutable", response.Headers.CacheControl?.ToString());
            if (!asset.EndsWith(".png"))
                Assert.True(response.Content.Headers.ContentEncoding.SequenceEqual([encoding]), $"{asset} went out as {string.Join(",", response.Content.Headers.ContentEncoding)}");
        }
    }

    private static async Task<string> DecodedAsync(HttpResponseMessage response)
    {
        await using var body = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = response.Content.Headers.ContentEncoding.FirstOrDefault() switch
        {
            "br" => new System.IO.Compression.BrotliStream(body, System.IO.Compression.CompressionMode.Decompress),
            "gzip" => new System.IO.Compression.GZipStream(body, System.IO.Compression.CompressionMode.Decompress),
            _ => body,
        };
        using var reader = new StreamReader(decoded);
        return await reader.ReadToEndAsync();
    }
}
