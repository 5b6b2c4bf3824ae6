using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Sqlite;

/// <summary>
/// The practice's SQLite file, <c>clinic.db</c> in the data folder. Every connection gets the same settings: WAL
/// journal, full fsync on commit, and a busy timeout so that concurrent writers queue instead of failing. The
/// accounts are in the same file; Data Protection's keys in <c>keys/</c> beside it.
/// </summary>
public sealed class SqliteDatabase : ClinicDatabase
{
    private const int BusyTimeoutMilliseconds = 10_000;

    public SqliteDatabase(IOptions<DataOptions> options, IHostEnvironment environment)
        : this(FolderOf(options.Value, environment))
    {
    }

    private SqliteDatabase(string dataDirectory)
        : base(new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(dataDirectory, FileName),
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = BusyTimeoutMilliseconds / 1000,
        }.ToString(), dataDirectory, Path.Combine(dataDirectory, FileName))
    {
    }

    private SqliteDatabase(string connectionString, string databasePath)
        : base(connectionString, "", databasePath)
    {
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
        var database = new SqliteDatabase(connectionString, "memory");
        return new InMemoryDatabase(database, await database.OpenAsync(cancellationToken));
    }

    public override SqlDialect Dialect => SqlDialect.Sqlite;

    public override async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await OpenAsync(cancellationToken);

    /// <summary>An open connection to the file, as SQLite's own type.</summary>
    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken = default)
    {
        var connection = new SqliteConnection(ConnectionString);
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

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DataDirectory);
        await using var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        await SchemaMigrator.MigrateAsync(connection, cancellationToken);
    }

    /// <summary>One immediate write transaction, with a big page cache while it loads (the usual one again afterwards).</summary>
    public override async Task<ReadModelTransaction> BeginReadModelsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await OpenAsync(cancellationToken);
        await connection.ExecuteAsync("PRAGMA cache_size = -262144;", cancellationToken); // 256 MB
        var transaction = connection.BeginTransaction(deferred: false);
        return new ReadModelTransaction(connection, transaction, new SqlSession(connection, transaction),
            (after, count, ct) => SqliteEventStore.ReadAfterAsync(connection, transaction, after, count, ct),
            ending: open => ((SqliteConnection)open).ExecuteAsync("PRAGMA cache_size = -2000;", CancellationToken.None));
    }

    public override void KeepAccounts(DbContextOptionsBuilder options) => options.UseSqlite(ConnectionString);

    /// <summary>EF Core's SQLite provider keeps a <see cref="Guid"/> key as upper-case text.</summary>
    public override object AccountId(Guid id) => id.ToString("D").ToUpperInvariant();

    public override IXmlRepository KeyRepository(ILoggerFactory loggers) =>
        new FileSystemXmlRepository(new DirectoryInfo(Path.Combine(DataDirectory, "keys")), loggers);
}
