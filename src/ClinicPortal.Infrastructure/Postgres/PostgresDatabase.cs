using ClinicPortal.Infrastructure.Data;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// The practice's PostgreSQL database, shared by every instance: the log, the read models, the accounts and Data
/// Protection's keys are all in it (the data folder keeps only the mail pickup).
/// </summary>
/// <param name="connectionString">The whole connection string (a data source's own leaves the password out), for creating the database and its schema.</param>
public sealed class PostgresDatabase(NpgsqlDataSource dataSource, string connectionString, string dataDirectory)
    : ClinicDatabase(connectionString, dataDirectory, Describe(connectionString))
{
    public PostgresDatabase(NpgsqlDataSource dataSource, string dataDirectory)
        : this(dataSource, dataSource.ConnectionString, dataDirectory)
    {
    }

    private static string Describe(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostgreSQL database {builder.Database} on {builder.Host}";
    }

    public NpgsqlDataSource DataSource => dataSource;

    public override SqlDialect Dialect => SqlDialect.Postgres;

    public override async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken cancellationToken = default) =>
        await dataSource.OpenConnectionAsync(cancellationToken);

    public override async Task InitializeAsync(CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(DataDirectory);
        await PostgresLogSchema.EnsureAsync(ConnectionString, cancellationToken);
    }

    /// <summary>A transaction holding the read models' lock, so that appends (which update them) wait for it.</summary>
    public override async Task<ReadModelTransaction> BeginReadModelsAsync(CancellationToken cancellationToken = default)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            var transaction = await connection.BeginTransactionAsync(cancellationToken);
            await using (var wait = new NpgsqlCommand(
                $"SELECT pg_advisory_xact_lock({PostgresLogSchema.PositionLockClass}, {PostgresLogSchema.ReadModelLockKey});", connection, transaction))
                await wait.ExecuteNonQueryAsync(cancellationToken);
            return new ReadModelTransaction(connection, transaction, new SqlSession(connection, transaction, SqlDialect.Postgres, batched: true),
                (after, count, ct) => PostgresEventStore.ReadAllAfterAsync(connection, transaction, after, count, ct));
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public override void KeepAccounts(DbContextOptionsBuilder options) => options.UseNpgsql(dataSource);

    /// <summary>EF Core's PostgreSQL provider keeps a <see cref="Guid"/> key as <c>uuid</c>.</summary>
    public override object AccountId(Guid id) => id;

    public override IXmlRepository KeyRepository(ILoggerFactory loggers) => new PostgresKeyRepository(dataSource);
}
