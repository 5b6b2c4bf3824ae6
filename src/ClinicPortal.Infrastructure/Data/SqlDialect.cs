namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// The read models' SQL is written once, in words SQLite and PostgreSQL share (<c>ON CONFLICT</c> upserts, no
/// <c>INSERT OR</c>, <c>@name</c> parameters, <c>BIGINT</c> instants in Unix milliseconds, <c>TRUE</c> and <c>NOT</c>
/// for flags); what they do not share is said once by each database's dialect (<c>Sqlite/SqliteDialect</c>,
/// <c>Postgres/PostgresDialect</c>), and nothing rewrites a statement's text. Each database keeps a value in its own
/// type (an id is PostgreSQL's <c>uuid</c> and SQLite's text; a flag PostgreSQL's <c>boolean</c> and SQLite's 0 or 1),
/// and each driver reads it back as the type the code asks for (<see cref="System.Data.Common.DbDataReader.GetGuid"/>,
/// <see cref="System.Data.Common.DbDataReader.GetBoolean"/>).
/// </summary>
public abstract class SqlDialect
{
    public static readonly SqlDialect Sqlite = new Infrastructure.Sqlite.SqliteDialect();
    public static readonly SqlDialect Postgres = new Infrastructure.Postgres.PostgresDialect();

    /// <summary>What ends the definition of a table found by its primary key alone: SQLite keeps such a table without a rowid.</summary>
    public abstract string KeyedTable { get; }

    /// <summary>The column type of an id.</summary>
    public abstract string Uuid { get; }

    /// <summary>The column type of a yes or no.</summary>
    public abstract string Flag { get; }

    /// <summary>A parameter's value as this database's driver should be given it.</summary>
    public abstract object Parameter(object? value);
}
