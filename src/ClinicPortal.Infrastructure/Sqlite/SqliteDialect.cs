using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.Sqlite;

/// <summary>
/// SQLite's words where PostgreSQL's differ: a table found by its key alone keeps no rowid; an id is kept as its text
/// (lower case, as the read models have always held it: the driver would bind a <see cref="Guid"/> as bytes), a flag
/// as 0 or 1 (the driver binds a <see cref="bool"/> so).
/// </summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string KeyedTable => "WITHOUT ROWID";
    public override string Uuid => "TEXT";
    public override string Flag => "BIGINT";

    public override object Parameter(object? value) => value switch
    {
        null => DBNull.Value,
        Guid id => id.ToString(),
        _ => value,
    };
}
