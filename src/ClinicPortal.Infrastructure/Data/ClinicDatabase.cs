using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Data;

public sealed class DataOptions
{
    public const string Section = "Data";

    public const string Sqlite = "Sqlite";
    public const string Postgres = "Postgres";

    /// <summary>Folder for the SQLite file and other data; relative paths are under the content root.</summary>
    public string Directory { get; set; } = "App_Data";

    /// <summary><see cref="Sqlite"/> (one file in <see cref="Directory"/>) or <see cref="Postgres"/> (<c>ConnectionStrings:Clinic</c>).</summary>
    public string Provider { get; set; } = Sqlite;

    public static bool UsesPostgres(IConfiguration configuration) =>
        string.Equals(configuration[$"{Section}:{nameof(Provider)}"], Postgres, StringComparison.OrdinalIgnoreCase);
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
    private readonly Npgsql.NpgsqlDataSource? _postgres;

    public ClinicDatabase(IOptions<DataOptions> options, IHostEnvironment environment)
    {
        DataDirectory = FolderOf(options.Value, environment);
        DatabasePath = Path.Combine(DataDirectory, FileName);
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString();
    }

    /// <summary>
    /// The read side on PostgreSQL: <see cref="QueryAsync"/> and <see cref="OpenConnectionAsync"/> run the same SQL
    /// there, restated by <see cref="SqlDialect.Postgres"/>. (The SQLite-only parts, the store and the schema scripts,
    /// have PostgreSQL counterparts of their own.)
    /// </summary>
    public static ClinicDatabase OnPostgres(Npgsql.NpgsqlDataSource postgres, string dataDirectory) =>
        new(postgres, postgres.ConnectionString, dataDirectory);

    /// <param name="connectionString">The whole connection string (a data source's own leaves the password out), for creating the database and its schema.</param>
    public static ClinicDatabase OnPostgres(Npgsql.NpgsqlDataSource postgres, string connectionString, string dataDirectory) =>
        new(postgres, connectionString, dataDirectory);

    private ClinicDatabase(Npgsql.NpgsqlDataSource postgres, string connectionString, string dataDirectory)
    {
        _postgres = postgres;
        DataDirectory = dataDirectory;
        var builder = new Npgsql.NpgsqlConnectionStringBuilder(connectionString);
        DatabasePath = $"PostgreSQL database {builder.Database} on {builder.Host}";
        _connectionString = connectionString;
    }

    /// <summary>
    /// A database in memory, gone when <see cref="InMemoryDatabase"/> is disposed: a scratch copy of read-model tables
    /// (the schedule as it stood at a past position is folded into one and read with the same queries as the live one).
    /// </summary>
    public static async Task<InMemoryDatabase> InMemoryAsync(CancellationToken cancellationToken = default)
    {
        var connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = $"scratch-{Guid.NewGuid():N}", Mode = SqliteOpenMode.Memory, Cache = SqliteCacheMode.Shared,
        }.ToString();
        var database = new ClinicDatabase(connectionString);
        return new InMemoryDatabase(database, await database.OpenAsync(cancellationToken));
    }

    private ClinicDatabase(string sqliteConnectionString)
    {
        _connectionString = sqliteConnectionString;
        DataDirectory = "";
        DatabasePath = "memory";
    }

    /// <summary>The data folder the options name, under the content root when relative.</summary>
    public static string FolderOf(DataOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(options.Directory, environment.ContentRootPath);

    public bool IsPostgres => _postgres is not null;

    /// <summary>How this database words its SQL.</summary>
    public SqlDialect Dialect => _postgres is null ? SqlDialect.Sqlite : SqlDialect.Postgres;

    public string DataDirectory { get; }
    public string ConnectionString => _connectionString;
    /// <summary>Where the data is, for logs and health reports: the SQLite file's path, or the PostgreSQL database and host.</summary>
    public string DatabasePath { get; }

    /// <summary>The rows of one query on a connection of its own, each read by <paramref name="read"/>: what the read models ask.</summary>
    public async Task<IReadOnlyList<T>> QueryAsync<T>(
        string sql, Func<System.Data.Common.DbDataReader, T> read, CancellationToken ct, params (string Name, object Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters.Select(p => (p.Name, (object?)p.Value)).ToArray());
        var rows = new List<T>();
        await using var reader = Dialect.Reader(await command.ExecuteReaderAsync(ct));
        while (await reader.ReadAsync(ct))
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>A command of <paramref name="sql"/> (in SQLite's words, <c>@name</c> parameters) on <paramref name="connection"/>, as this database words it.</summary>
    public System.Data.Common.DbCommand Command(
        System.Data.Common.DbConnection connection, string sql, params (string Name, object? Value)[] parameters)
    {
        SqlStatements.Ran();
        var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = value ?? DBNull.Value;
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs one statement (in SQLite's words) on a connection of its own; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first value of one query's first row (null when none), read as SQLite gives it.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(ct) is var value and not DBNull ? Dialect.Value(value) : null;
    }

    /// <summary>
    /// A transaction of statements on a connection of its own. On SQLite it takes the write lock at once (BEGIN
    /// IMMEDIATE, Microsoft.Data.Sqlite's default), so two writers queue rather than fail upgrading a read lock.
    /// </summary>
    public async Task<WriteTransaction> BeginAsync(CancellationToken ct = default)
    {
        var connection = await OpenConnectionAsync(ct);
        try
        {
            var transaction = await connection.BeginTransactionAsync(ct);
            return new WriteTransaction(connection, transaction, new SqlSession(connection, transaction, Dialect));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>A connection of whichever database this is, for the code that is the same on both.</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        _postgres is not null ? await _postgres.OpenConnectionAsync(cancellationToken) : await OpenAsync(cancellationToken);

    /// <summary>A connection to <c>clinic.db</c> with the practice's settings (the SQLite store, the schema scripts, the rebuild).</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        if (_postgres is not null)
            throw new InvalidOperationException("This is the PostgreSQL database: use OpenConnectionAsync.");
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

    /// <summary>
    /// Creates the data folder and the database (the file, or the PostgreSQL database when the user may), switches
    /// the file to WAL mode, and creates or upgrades the schema.
    /// </summary>
    public async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DataDirectory);
        if (_postgres is not null)
        {
            await EventStore.PostgresLogSchema.EnsureAsync(_connectionString, cancellationToken);
            return;
        }
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await SchemaMigrator.MigrateAsync(connection, cancellationToken);
    }
}

/// <summary>A database in memory and the connection that keeps it alive (the one to write it with).</summary>
public sealed class InMemoryDatabase(ClinicDatabase database, SqliteConnection keptOpen) : IAsyncDisposable
{
    public ClinicDatabase Database => database;
    public SqliteConnection Connection => keptOpen;

    public ValueTask DisposeAsync() => keptOpen.DisposeAsync();
}

/// <summary>One transaction's connection, transaction and prepared statements; disposing it without committing rolls back.</summary>
public sealed class WriteTransaction(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, SqlSession session) : IAsyncDisposable
{
    public SqlSession Session => session;

    public Task CommitAsync(CancellationToken ct = default) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
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
