using System.Diagnostics;

namespace ClinicPortal.Benchmarks;

/// <summary>The published ClinicPortal running in a process of its own, on a data folder of the benchmark's.</summary>
public sealed class PublishedApp : IAsyncDisposable
{
    private readonly Process _process;

    private PublishedApp(Process process, Uri address, TimeSpan startUp)
    {
        _process = process;
        Address = address;
        StartUp = startUp;
    }

    public Uri Address { get; }

    public int ProcessId => _process.Id;

    /// <summary>From starting the process to /health/ready answering 200.</summary>
    public TimeSpan StartUp { get; }

    /// <summary>Starts the app and waits until it is ready (null when it was not within two minutes).</summary>
    public static async Task<PublishedApp?> StartAsync(string appPath, string directory, IDictionary<string, string>? settings = null,
        string readyPath = "/health/ready", string[]? arguments = null)
    {
        var port = 5300 + Random.Shared.Next(600);
        var start = new ProcessStartInfo(appPath, [.. arguments ?? [], "--urls", $"http://127.0.0.1:{port}"])
        {
            WorkingDirectory = Path.GetDirectoryName(appPath)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = directory;
        start.Environment["Logging__LogLevel__Default"] = "Warning"; // a log line per request would measure the console
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__")] = value;
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
        var watch = Stopwatch.StartNew();
        var process = Process.Start(start)!;
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var address = new Uri($"http://127.0.0.1:{port}");
        while (watch.Elapsed < TimeSpan.FromSeconds(120))
        {
            try
            {
                using var response = await client.GetAsync(new Uri(address, readyPath));
                if (response.IsSuccessStatusCode)
                    return new PublishedApp(process, address, watch.Elapsed);
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            await Task.Delay(20);
        }
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        return null;
    }

    public async ValueTask DisposeAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
