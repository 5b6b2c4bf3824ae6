namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// The practice's database: every connection comes from here, so every connection gets the same settings. The SQL
/// both databases run (the read models, the outbox, the settings) goes through <see cref="RowsAsync{T}"/>,
/// <see cref="ExecuteAsync"/>, <see cref="ScalarAsync"/> and <see cref="BeginAsync"/>; what differs is said by each
/// database's own class (<see cref="Sqlite.SqliteDatabase"/>, <see cref="Postgres.PostgresDatabase"/>): how to connect,
/// its schema, and how the accounts are kept on it.
/// </summary>
public abstract class ClinicDatabase(string connectionString, string dataDirectory, string databasePath)
{
    public const string FileName = "clinic.db";

    /// <summary>The data folder the options name, under the content root when relative.</summary>
    public static string FolderOf(DataOptions options, IHostEnvironment environment) =>
        Path.GetFullPath(options.Directory, environment.ContentRootPath);

    /// <summary>How this database words what it does not share with the other.</summary>
    public abstract SqlDialect Dialect { get; }

    public string DataDirectory { get; } = dataDirectory;
    public string ConnectionString { get; } = connectionString;
    public string DatabasePath { get; } = databasePath;

    /// <summary>An open connection with this database's settings.</summary>
    public abstract Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default);

    /// <summary>Creates the database's schema, or upgrades it in place.</summary>
    public abstract Task InitializeAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// A transaction that may replace read-model tables (<see cref="ReadModels.ReadModelRebuilder"/>): readers see the old
    /// ones until it commits, and appends wait for it.
    /// </summary>
    public abstract Task<ReadModelTransaction> BeginReadModelsAsync(CancellationToken cancellationToken = default);

    /// <summary>Tells EF Core to keep the accounts (ASP.NET Core Identity's tables) on this database.</summary>
    public abstract void KeepAccounts(Microsoft.EntityFrameworkCore.DbContextOptionsBuilder options);

    /// <summary>An account's id as the accounts' tables hold it, for SQL of this code's own over them.</summary>
    public abstract object AccountId(Guid id);

    /// <summary>Where Data Protection keeps its keys (so that cookies and emailed links survive a restart).</summary>
    public abstract Microsoft.AspNetCore.DataProtection.Repositories.IXmlRepository KeyRepository(ILoggerFactory loggers);

    /// <summary>The rows a query finds, each a <typeparamref name="T"/> filled by its columns' names (<see cref="Rows"/>).</summary>
    public async Task<IReadOnlyList<T>> RowsAsync<T>(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(ct);
        return await Rows.ReadAsync<T>(reader, ct);
    }

    /// <summary>A command of <paramref name="sql"/> (in the words both databases share, <c>@name</c> parameters) on <paramref name="connection"/>, its values as this database takes them.</summary>
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
            parameter.Value = Dialect.Parameter(value);
            command.Parameters.Add(parameter);
        }
        return command;
    }

    /// <summary>Runs one statement on a connection of its own; returns the rows it changed.</summary>
    public async Task<int> ExecuteAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The first value of one query's first row (null when none), as the database's driver gives it.</summary>
    public async Task<object?> ScalarAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters)
    {
        await using var connection = await OpenConnectionAsync(ct);
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteScalarAsync(ct) is var value and not DBNull ? value : null;
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
}
