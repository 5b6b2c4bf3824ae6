using System.Diagnostics;
using ClinicPortal.Infrastructure;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ClinicPortal.Benchmarks;

/// <summary>The app's services on a SQLite file of their own (no web host, no background services).</summary>
public sealed class Harness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private Harness(ServiceProvider services, string directory)
    {
        _services = services;
        Directory = directory;
    }

    public string Directory { get; }
    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    public static async Task<Harness> StartAsync(string directory, IDictionary<string, string?>? settings = null)
    {
        System.IO.Directory.CreateDirectory(directory);
        var values = new Dictionary<string, string?>
        {
            ["Data:Directory"] = directory,
            ["Practice:TimeZone"] = "Europe/London",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var provider = StandaloneServices.Build(configuration, directory);
        await provider.PrepareAsync(configuration);
        return new Harness(provider, directory);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }
}

public static class Measure
{
    public static async Task<(TimeSpan Elapsed, T Result)> TimeAsync<T>(Func<Task<T>> work)
    {
        var watch = Stopwatch.StartNew();
        var result = await work();
        return (watch.Elapsed, result);
    }

    public static double Percentile(IReadOnlyList<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
