namespace ClinicPortal.Tests.E2E.Infrastructure;

/// <summary>One running app and one browser, shared by the journeys of a test collection.</summary>
public sealed class ClinicAppFixture : IAsyncLifetime
{
    private AppProcess? _app;
    private Browser? _browser;

    public AppProcess App => _app ?? throw new InvalidOperationException("The app has not started.");
    public Browser Browser => _browser ?? throw new InvalidOperationException("The browser has not started.");

    public async Task InitializeAsync()
    {
        _browser = await Browser.LaunchAsync();
        var settings = new Dictionary<string, string> { ["Seed:Demo"] = "true" };
        // CLINICPORTAL_E2E_POSTGRES=1 runs the shared app's journeys on a PostgreSQL database instead of its SQLite file.
        if (Environment.GetEnvironmentVariable("CLINICPORTAL_E2E_POSTGRES") == "1")
        {
            settings["Data:Provider"] = "Postgres";
            settings["ConnectionStrings:Clinic"] = (await PostgresServer.SharedAsync()).NewDatabase("journeys");
        }
        _app = await AppProcess.StartAsync(settings: settings);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
        {
            // The app's own log, for reading after a failed journey.
            var artifacts = Path.Combine(RepositoryRoot.Path, "artifacts");
            Directory.CreateDirectory(artifacts);
            await File.WriteAllTextAsync(Path.Combine(artifacts, "e2e-app.log"), _app.Output);
            await _app.DisposeAsync();
        }
        if (_browser is not null) await _browser.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class ClinicAppCollection : ICollectionFixture<ClinicAppFixture>
{
    public const string Name = "Clinic app in Chromium";
}
