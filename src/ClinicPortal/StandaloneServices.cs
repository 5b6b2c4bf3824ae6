using Microsoft.Extensions.FileProviders;

namespace ClinicPortal;

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
        services.AddClinicPortal(configuration);
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
