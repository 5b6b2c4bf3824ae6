using System.Data.Common;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.Sqlite;

/// <summary>SQLite's words where PostgreSQL's differ: a table found by its key alone keeps no rowid; values read as they are.</summary>
internal sealed class SqliteDialect : SqlDialect
{
    public override string KeyedTable => "WITHOUT ROWID";
    public override DbDataReader Reader(DbDataReader reader) => reader;
    public override object? Value(object? value) => value;
}
