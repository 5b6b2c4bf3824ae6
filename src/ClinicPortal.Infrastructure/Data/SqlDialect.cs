using System.Collections.Concurrent;
using System.Data.Common;
using System.Text.RegularExpressions;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// The read models' SQL is written once, in words SQLite and PostgreSQL share (<c>ON CONFLICT</c> upserts, no
/// <c>INSERT OR</c>), with SQLite's <c>$name</c> parameters. PostgreSQL's dialect restates what differs: parameters as
/// <c>@name</c>; in table definitions <c>INTEGER</c> as <c>BIGINT</c> (SQLite's integers are 64-bit, instants are Unix
/// milliseconds) and no <c>WITHOUT ROWID</c>. Values read come back as SQLite gives them: ids stored as text read
/// as <see cref="Guid"/>, every integer as 64-bit.
/// </summary>
public abstract partial class SqlDialect
{
    public static readonly SqlDialect Sqlite = new SqliteDialect();
    public static readonly SqlDialect Postgres = new PostgresDialect();

    public abstract string Statement(string sql);
    public abstract string Definition(string ddl);
    public abstract string ParameterName(string name);
    public abstract DbDataReader Reader(DbDataReader reader);
    public abstract object? Value(object? value);

    private sealed class SqliteDialect : SqlDialect
    {
        public override string Statement(string sql) => sql;
        public override string Definition(string ddl) => ddl;
        public override string ParameterName(string name) => name;
        public override DbDataReader Reader(DbDataReader reader) => reader;
        public override object? Value(object? value) => value;
    }

    private sealed partial class PostgresDialect : SqlDialect
    {
        private readonly ConcurrentDictionary<string, string> _statements = new();

        public override string Statement(string sql) => _statements.GetOrAdd(sql, s => Parameter().Replace(s, "@$1"));

        public override string Definition(string ddl) =>
            WithoutRowId().Replace(Integer().Replace(Statement(ddl), "BIGINT"), "");

        public override string ParameterName(string name) => name.TrimStart('$', '@');

        public override DbDataReader Reader(DbDataReader reader) => new PortableReader(reader);

        public override object? Value(object? value) => value switch
        {
            int or short => Convert.ToInt64(value),
            bool b => b ? 1L : 0L,
            _ => value,
        };

        [GeneratedRegex(@"(?<![\w$])\$([A-Za-z_][A-Za-z0-9_]*)")]
        private static partial Regex Parameter();

        [GeneratedRegex(@"\bINTEGER\b", RegexOptions.IgnoreCase)]
        private static partial Regex Integer();

        [GeneratedRegex(@"\s*WITHOUT ROWID", RegexOptions.IgnoreCase)]
        private static partial Regex WithoutRowId();
    }
}
