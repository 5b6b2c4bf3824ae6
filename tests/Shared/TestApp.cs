using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure;
using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.Identity;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Microsoft.Extensions.Time.Testing;

namespace ClinicPortal.Tests.Shared;

/// <summary>
/// The app's services (event store, read models, handlers, policies) on a real SQLite file in a
/// temporary folder, without the web host, with a clock the test controls. With <c>provider:</c>
/// <see cref="Postgres"/>, the same services on a new database of the tests' PostgreSQL server.
/// </summary>
/// <remarks>Unless told otherwise, "now" is Monday 2 March 2026, 08:00 in London (the unit tests' <c>A.Now</c>).</remarks>
public sealed class TestApp : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private bool _ownsDirectory;

    private TestApp(ServiceProvider services, string directory, FakeTimeProvider clock)
    {
        _services = services;
        Directory = directory;
        Clock = clock;
    }

    public const string Sqlite = DataOptions.Sqlite;
    public const string Postgres = DataOptions.Postgres;

    public static readonly DateTimeOffset DefaultNow = new(2026, 3, 2, 8, 0, 0, TimeSpan.Zero);

    public string Directory { get; }
    public FakeTimeProvider Clock { get; }

    public IServiceProvider Services => _services;

    public T Get<T>() where T : notnull => _services.GetRequiredService<T>();

    /// <summary>
    /// Creates a signed-up user of a role; their id is their patient or doctor id, a version 7 GUID made now (or at
    /// <paramref name="madeAt"/>: when the account was made is read from it).
    /// </summary>
    public async Task<Guid> CreateUserAsync(string name, string email, string role, DateTimeOffset? madeAt = null)
    {
        await using var scope = _services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var user = new ClinicUser { Id = madeAt is { } at ? Guid.CreateVersion7(at) : Guid.CreateVersion7(), UserName = email, Email = email, DisplayName = name };
        var created = await users.CreateAsync(user, "Password123");
        Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(user, role);
        // As the app's own sign-up and invitation do: the staff lists kept in memory are read again.
        Get<ClinicPortal.Infrastructure.Accounts.PeopleDirectory>().Forget(user.Id);
        return user.Id;
    }

    public static async Task<TestApp> StartAsync(
        DateTimeOffset? now = null, string timeZone = "Europe/London", string? directory = null, IDictionary<string, string?>? settings = null,
        Action<IServiceCollection>? replace = null, string provider = Sqlite)
    {
        var ownsDirectory = directory is null;
        directory ??= System.IO.Directory.CreateTempSubdirectory("clinicportal-unit-").FullName;
        var values = new Dictionary<string, string?>
        {
            ["Data:Directory"] = directory,
            ["Practice:TimeZone"] = timeZone,
            ["Practice:Name"] = "Test Practice",
        };
        if (provider == Postgres)
        {
            // A restart (the same folder named again) opens the same database again.
            var marker = Path.Combine(directory, "postgres.txt");
            if (!File.Exists(marker))
                await File.WriteAllTextAsync(marker, (await PostgresServer.SharedAsync()).NewDatabase("app"));
            values["Data:Provider"] = Postgres;
            values["ConnectionStrings:Clinic"] = await File.ReadAllTextAsync(marker);
        }
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            values[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var clock = new FakeTimeProvider(now ?? DefaultNow);
        var services = StandaloneServices.Build(configuration, directory, clock, replace);
        await services.PrepareAsync(configuration);
        return new TestApp(services, directory, clock) { _ownsDirectory = ownsDirectory };
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        // A folder the test named outlives this app: a restart opens it again.
        if (_ownsDirectory)
            try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
