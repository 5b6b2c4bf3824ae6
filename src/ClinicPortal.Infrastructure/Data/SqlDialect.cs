using System.Data.Common;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// The read models' SQL is written once, in words SQLite and PostgreSQL share (<c>ON CONFLICT</c> upserts, no
/// <c>INSERT OR</c>, <c>@name</c> parameters, <c>BIGINT</c> instants in Unix milliseconds); what they do not share is
/// said once by each database's dialect (<c>Sqlite/SqliteDialect</c>, <c>Postgres/PostgresDialect</c>), and nothing
/// rewrites a statement's text. Values read come back as SQLite gives them (ids stored as text read as
/// <see cref="Guid"/>, every integer as 64-bit), so that the reading code is one.
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new Infrastructure.Sqlite.SqliteDialect();
    public static readonly SqlDialect Postgres = new Infrastructure.Postgres.PostgresDialect();

    /// <summary>What ends the definition of a table found by its primary key alone: SQLite keeps such a table without a rowid.</summary>
    public abstract string KeyedTable { get; }

    public abstract DbDataReader Reader(DbDataReader reader);
    public abstract object? Value(object? value);
}
