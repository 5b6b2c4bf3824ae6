using System.Data.Common;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// PostgreSQL's words where SQLite's differ: no rowid to leave out; values read come back as SQLite gives them
/// (<see cref="PortableReader"/>), since the read models' columns are still SQLite's types there (ids as text,
/// booleans as 0 or 1).
/// </summary>
internal sealed class PostgresDialect : SqlDialect
{
    public override string KeyedTable => "";

    public override DbDataReader Reader(DbDataReader reader) => new PortableReader(reader);

    public override object? Value(object? value) => value switch
    {
        int or short => Convert.ToInt64(value),
        bool b => b ? 1L : 0L,
        _ => value,
    };
}
