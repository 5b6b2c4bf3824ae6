using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Extensions.FileProviders;

namespace ClinicPortal.Infrastructure;

public static class ClinicStartup
{
    /// <summary>
    /// Everything the data needs before the first request: the folder and schema, outdated read models rebuilt,
    /// the saved practice settings, the roles, and the demo practice or the owner where configured.
    /// </summary>
    public static async Task PrepareAsync(this IServiceProvider services, IConfiguration configuration)
    {
        await services.GetRequiredService<ClinicDatabase>().InitializeAsync();
        await services.GetRequiredService<ReadModelRebuilder>().RebuildOutdatedAsync();
        await services.GetRequiredService<PracticeSettings>().LoadAsync();
        await services.SeedAccountsAsync(configuration);
    }
}

/// <summary>
/// The app's services without the web host, on the data folder the configuration names: for the benchmark
/// harness and for tests that drive the handlers, policies and dispatcher on a real SQLite file.
/// </summary>
public static class StandaloneServices
{
    /// <param name="replace">Registrations that stand in for the app's own (a test's wrapper around the event store, say).</param>
    public static ServiceProvider Build(IConfiguration configuration, string contentRoot, TimeProvider? time = null, Action<IServiceCollection>? replace = null)
    {
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<IHostEnvironment>(new Environment(contentRoot));
        if (time is not null)
            services.AddSingleton(time);
        services.AddClinicData(configuration);
        services.AddScheduling(configuration);
        services.AddAccounts();
        replace?.Invoke(services);
        // Validate scopes as the Development host does, so that a scoped service taken from the root fails here too.
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
    }

    private sealed class Environment(string root) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Standalone";
        public string ApplicationName { get; set; } = "ClinicPortal";
        public string ContentRootPath { get; set; } = root;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
