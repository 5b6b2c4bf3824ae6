using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace ClinicPortal.Tests.Shared;

/// <summary>
/// A real PostgreSQL server for the tests: a throwaway cluster in a temporary folder, started once per test process
/// on a free port of 127.0.0.1 and stopped when the process ends. PostgreSQL refuses to run as root, so as root the
/// cluster belongs to the <c>postgres</c> user (Debian's package creates it). Each test takes a database of its own.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Instance = new(() => StartAsync(durable: false));

    private readonly string _directory;
    private readonly string _bin;

    private PostgresServer(string directory, string bin, int port)
    {
        _directory = directory;
        _bin = bin;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The one server of this test process, started on first use.</summary>
    public static Task<PostgresServer> SharedAsync() => Instance.Value;

    /// <summary>A connection string to a database no other test uses (created by whoever connects first, as the app does).</summary>
    public string NewDatabase(string prefix = "t") => ConnectionString($"{prefix}_{Guid.NewGuid():N}");

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Maximum Pool Size=60;Timeout=15;Command Timeout=60";

    /// <summary>
    /// Starts a server of its own. Tests need no durability across a power cut (no fsync keeps them quick); the
    /// benchmarks' server is <paramref name="durable"/>: every commit reaches the disk, as a practice's would.
    /// </summary>
    public static async Task<PostgresServer> StartAsync(bool durable)
    {
        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin")).Where(b => File.Exists(Path.Combine(b, "initdb")))
                .OrderByDescending(b => b, StringComparer.Ordinal).FirstOrDefault()
            : null;
        if (bin is null)
            throw new InvalidOperationException("PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb). scripts/test.sh installs Debian's postgresql package.");

        var directory = Directory.CreateTempSubdirectory("clinicportal-pg-").FullName;
        var data = Path.Combine(directory, "data");
        var port = FreePort();
        if (Environment.UserName == "root")
            await RunAsync("chown", $"postgres: {directory}");
        await RunAsPostgresAsync(Path.Combine(bin, "initdb"), $"-D {data} -A trust -U postgres --no-sync -E UTF8 --locale=C.UTF-8");
        var options = $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=300 -c shared_buffers=128MB"
            + (durable ? "" : " -c fsync=off -c full_page_writes=off -c synchronous_commit=off");
        await RunAsPostgresAsync(Path.Combine(bin, "pg_ctl"), $"-D {data} -o \"{options}\" -l {Path.Combine(directory, "server.log")} -w -t 60 start");

        var server = new PostgresServer(directory, bin, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        return server;
    }

    /// <summary>
    /// Runs a plain SQL script of pg_dump's (<c>pg_dump --no-owner --no-privileges</c>) into a new database of that name
    /// (psql, stopping at the first error).
    /// </summary>
    public async Task RestoreAsync(string database, string file)
    {
        await RunAsync(Path.Combine(_bin, "createdb"), $"-h 127.0.0.1 -p {Port} -U postgres {database}");
        await RunAsync(Path.Combine(_bin, "psql"), $"-h 127.0.0.1 -p {Port} -U postgres -v ON_ERROR_STOP=1 -q -f {file} {database}");
    }

    public void Stop()
    {
        try
        {
            RunAsPostgresAsync(Path.Combine(_bin, "pg_ctl"), $"-D {Path.Combine(_directory, "data")} -m immediate -w stop").GetAwaiter().GetResult();
            Directory.Delete(_directory, recursive: true);
        }
        catch
        {
            // The process is ending; a folder left in /tmp is harmless.
        }
    }

    private static Task RunAsPostgresAsync(string file, string arguments) =>
        Environment.UserName == "root" ? RunAsync(File.Exists("/usr/sbin/runuser") ? "/usr/sbin/runuser" : "runuser", $"-u postgres -- {file} {arguments}") : RunAsync(file, arguments);

    private static async Task RunAsync(string file, string arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(file, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {arguments} failed ({process.ExitCode}):\n{await output}\n{await error}");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
