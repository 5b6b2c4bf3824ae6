using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Data;

public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Folder for the SQLite file and other data; relative paths are under the content root.</summary>
    public string Directory { get; set; } = "App_Data";
}

/// <summary>
/// The practice's SQLite file, <c>clinic.db</c> in the data folder. Every connection comes from here,
/// so every connection gets the same settings: WAL journal, full fsync on commit, and a busy timeout
/// so that concurrent writers queue instead of failing.
/// </summary>
public sealed class ClinicDatabase
{
    public const string FileName = "clinic.db";
    private const int BusyTimeoutMilliseconds = 10_000;

    private readonly string _connectionString;

    public ClinicDatabase(IOptions<DataOptions> options, IHostEnvironment environment)
    {
        DataDirectory = Path.GetFullPath(options.Value.Directory, environment.ContentRootPath);
        DatabasePath = Path.Combine(DataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    public string DataDirectory { get; }
    public string ConnectionString => _connectionString;
    public string DatabasePath { get; }

    /// <summary>The rows of one query on a connection of its own, each read by <paramref name="read"/>: what the read models ask.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<System.Data.Common.DbDataReader, T> read, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenAsync(ct);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        var rows = new List<T>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(_connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await connection.ExecuteAsync(
                $"PRAGMA busy_timeout={BusyTimeoutMilliseconds}; PRAGMA synchronous=FULL; PRAGMA foreign_keys=ON;",
                cancellationToken);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Creates the data folder and the database file, switches the file to WAL mode, and creates or upgrades the schema.</summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DataDirectory);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await SchemaMigrator.MigrateAsync(connection, cancellationToken);
    }
}

internal static class SqliteConnectionExtensions
{
    public static async Task ExecuteAsync(this SqliteConnection connection, string sql, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
