using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>PostgreSQL's words where SQLite's differ: no rowid to leave out; ids are <c>uuid</c> and flags <c>boolean</c>.</summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override string KeyedTable => "";
    public override string Uuid => "uuid";
    public override string Flag => "boolean";

    /// <summary>Numbers go as 64-bit, the width of every integer column, so that a prepared statement keeps one parameter type.</summary>
    public override object Parameter(object? value) => value switch
    {
        null => DBNull.Value,
        int or short => Convert.ToInt64(value),
        _ => value,
    };
}
