using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>
/// The app's services (event store, read models, handlers, policies) on a real SQLite file in a
/// temporary folder, without the web host, with a clock the test controls.
/// </summary>
public sealed class SqliteApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private SqliteApp(ServiceProvider services, string directory, FakeTimeProvider clock)
    {
        _services = services;
        Directory = directory;
        Clock = clock;
    }

    public string Directory { get; }
    public FakeTimeProvider Clock { get; }

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<SqliteApp> StartAsync(DateTimeOffset? now = null, string timeZone = "Europe/London", string? directory = null)
    {
        directory ??= System.IO.Directory.CreateTempSubdirectory("clinicportal-unit-").FullName;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Data:Directory"] = directory,
            ["Practice:TimeZone"] = timeZone,
        }).Build();
        var clock = new FakeTimeProvider(now ?? A.Now);

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IHostEnvironment>(new Environment(directory));
        services.AddSingleton<TimeProvider>(clock);
        services.AddClinicData(configuration);
        services.AddScheduling(configuration);

        var provider = services.BuildServiceProvider();
        await provider.GetRequiredService<ClinicDatabase>().InitializeAsync();
        await provider.GetRequiredService<ReadModelRebuilder>().RebuildOutdatedAsync();
        return new SqliteApp(provider, directory, clock);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "ClinicPortal";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
