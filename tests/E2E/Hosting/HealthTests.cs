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
            Assert.Contains("not writable", app.Output);
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
        using var script = await client.GetAsync("/_framework/blazor.web.js");
        // MudBlazor's files, by the addresses the page names (fingerprinted by the static asset pipeline).
        var mud = System.Text.RegularExpressions.Regex.Matches(home, "_content/MudBlazor/[^\"]+").Select(m => m.Value).Distinct().ToArray();

        Assert.Contains("_framework/blazor.web.js", home);
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        Assert.Contains(mud, a => a.Contains(".css"));
        Assert.Contains(mud, a => a.Contains(".js"));
        foreach (var asset in mud)
        {
            using var response = await client.GetAsync("/" + asset);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }
    }
}
