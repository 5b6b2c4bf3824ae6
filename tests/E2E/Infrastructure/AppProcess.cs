using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>
/// The published app started as a real process on a free loopback port, with its own data folder.
/// </summary>
public sealed class AppProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private AppProcess(Process process, Uri baseAddress, string dataDirectory)
    {
        _process = process;
        BaseAddress = baseAddress;
        DataDirectory = dataDirectory;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
    }

    public Uri BaseAddress { get; }
    public string DataDirectory { get; }

    public string Output
    {
        get { lock (_output) return _output.ToString(); }
    }

    public HttpClient CreateClient() => new() { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>Starts the app and waits until <paramref name="waitFor"/> (by default /health/ready) answers 200.</summary>
    public static async Task<AppProcess> StartAsync(
        string? dataDirectory = null,
        IReadOnlyDictionary<string, string>? settings = null,
        string waitFor = "/health/ready",
        Uri? baseAddress = null)
    {
        var appDirectory = await PublishedApp.GetDirectoryAsync();
        dataDirectory ??= Directory.CreateTempSubdirectory("clinicportal-e2e-").FullName;
        baseAddress ??= new Uri($"http://127.0.0.1:{FreePort()}"); // the same address again: the app restarted under open pages

        var start = new ProcessStartInfo(Path.Combine(appDirectory, "ClinicPortal"), ["--urls", baseAddress.ToString()])
        {
            WorkingDirectory = appDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Data__Directory"] = dataDirectory;
        start.Environment["Email__LinkBaseUrl"] = baseAddress.ToString(); // links in emails lead back to this app, unless a test says otherwise
        // Journeys change bookings a weekday or two ahead at whatever hour the suite runs: the cut-off for patients' online
        // changes would make them depend on the hour. A journey about the cut-off sets its own.
        start.Environment["Practice__CancelCutoffHours"] = "0";
        // Every journey signs in from 127.0.0.1, many times as the same demo people: no limits unless a test sets them
        // (RateLimitTests and AccountAbuseTests do).
        foreach (var limit in new[] { "SignInPerMinute", "BookingsPerMinute", "AccountFormsPerAddress", "AccountFormsPerAccount" })
            start.Environment[$"RateLimits__{limit}"] = "1000000";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
            start.Environment[key.Replace(":", "__")] = value;

        var app = new AppProcess(new Process { StartInfo = start }, baseAddress, dataDirectory);
        // The suite's clock (unless the test sets its own), read as late as can be: the app's clock reads it when its process starts.
        if (settings?.ContainsKey("Clock:StartsAt") != true)
            start.Environment["Clock__StartsAt"] = SuiteClock.StartsAtSetting;
        app._process.Start();
        app._process.BeginOutputReadLine();
        app._process.BeginErrorReadLine();
        await app.WaitUntilAnswersAsync(waitFor);
        return app;
    }

    private async Task WaitUntilAnswersAsync(string path)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var answered = await Poll.UntilAsync(async () =>
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The app exited with code {_process.ExitCode} before {path} answered:\n{Output}");
            try
            {
                using var response = await client.GetAsync(path);
                return response.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false; // not listening yet
            }
            catch (TaskCanceledException)
            {
                return false; // listening but slow to answer; try again
            }
        }, StartTimeout, TimeSpan.FromMilliseconds(200));
        if (answered)
            return;
        throw new TimeoutException($"{BaseAddress}{path.TrimStart('/')} did not answer 200 within {StartTimeout.TotalSeconds} s:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private bool _disposed;

    /// <summary>Stops the app (a test may stop it early, under an open page); a second call does nothing.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
            return;
        _disposed = true;
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
    }
}
