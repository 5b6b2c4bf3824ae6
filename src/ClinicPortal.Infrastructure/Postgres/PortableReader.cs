using System.Collections;
using System.Data.Common;
using System.Globalization;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Application;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// A PostgreSQL reader that gives values as SQLite's does, so that the code reading the read models is the same on
/// both: an id kept as text reads as a <see cref="Guid"/>, any integer (and a sum, a count, a boolean) as a 64-bit
/// integer or whatever width is asked for.
/// </summary>
internal sealed class PortableReader(DbDataReader inner) : DbDataReader
{
    private static object Normalize(object value) => value switch
    {
        int or short or byte => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        decimal d when d == decimal.Truncate(d) && d is >= long.MinValue and <= long.MaxValue => (long)d,
        bool b => b ? 1L : 0L,
        _ => value,
    };

    public override object GetValue(int ordinal) => inner.IsDBNull(ordinal) ? DBNull.Value : Normalize(inner.GetValue(ordinal));
    public override long GetInt64(int ordinal) => Convert.ToInt64(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override int GetInt32(int ordinal) => Convert.ToInt32(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override short GetInt16(int ordinal) => Convert.ToInt16(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override bool GetBoolean(int ordinal) => Convert.ToBoolean(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override double GetDouble(int ordinal) => Convert.ToDouble(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override decimal GetDecimal(int ordinal) => Convert.ToDecimal(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override float GetFloat(int ordinal) => Convert.ToSingle(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override Guid GetGuid(int ordinal) => inner.GetValue(ordinal) switch
    {
        Guid guid => guid,
        string text => Guid.Parse(text),
        var other => throw new InvalidCastException($"Column {inner.GetName(ordinal)} holds {other.GetType().Name}, not an id."),
    };
    public override string GetString(int ordinal) => inner.GetValue(ordinal) switch
    {
        string text => text,
        var other => Convert.ToString(Normalize(other), CultureInfo.InvariantCulture)!,
    };

    public override T GetFieldValue<T>(int ordinal) => typeof(T) == typeof(Guid) ? (T)(object)GetGuid(ordinal)
        : typeof(T) == typeof(long) ? (T)(object)GetInt64(ordinal)
        : typeof(T) == typeof(int) ? (T)(object)GetInt32(ordinal)
        : typeof(T) == typeof(string) ? (T)(object)GetString(ordinal)
        : inner.GetFieldValue<T>(ordinal);

    public override int GetValues(object[] values)
    {
        var count = Math.Min(values.Length, FieldCount);
        for (var i = 0; i < count; i++)
            values[i] = GetValue(i);
        return count;
    }

    public override object this[int ordinal] => GetValue(ordinal);
    public override object this[string name] => GetValue(GetOrdinal(name));
    public override int Depth => inner.Depth;
    public override int FieldCount => inner.FieldCount;
    public override bool HasRows => inner.HasRows;
    public override bool IsClosed => inner.IsClosed;
    public override int RecordsAffected => inner.RecordsAffected;
    public override byte GetByte(int ordinal) => Convert.ToByte(inner.GetValue(ordinal), CultureInfo.InvariantCulture);
    public override long GetBytes(int ordinal, long dataOffset, byte[]? buffer, int bufferOffset, int length) => inner.GetBytes(ordinal, dataOffset, buffer, bufferOffset, length);
    public override char GetChar(int ordinal) => inner.GetChar(ordinal);
    public override long GetChars(int ordinal, long dataOffset, char[]? buffer, int bufferOffset, int length) => inner.GetChars(ordinal, dataOffset, buffer, bufferOffset, length);
    public override string GetDataTypeName(int ordinal) => inner.GetDataTypeName(ordinal);
    public override DateTime GetDateTime(int ordinal) => inner.GetDateTime(ordinal);
    public override Type GetFieldType(int ordinal) => inner.GetFieldType(ordinal) is var type && (type == typeof(int) || type == typeof(short) || type == typeof(bool)) ? typeof(long) : type;
    public override string GetName(int ordinal) => inner.GetName(ordinal);
    public override int GetOrdinal(string name) => inner.GetOrdinal(name);
    public override bool IsDBNull(int ordinal) => inner.IsDBNull(ordinal);
    public override Task<bool> IsDBNullAsync(int ordinal, CancellationToken cancellationToken) => inner.IsDBNullAsync(ordinal, cancellationToken);
    public override bool NextResult() => inner.NextResult();
    public override Task<bool> NextResultAsync(CancellationToken cancellationToken) => inner.NextResultAsync(cancellationToken);
    public override bool Read() => inner.Read();
    public override Task<bool> ReadAsync(CancellationToken cancellationToken) => inner.ReadAsync(cancellationToken);
    public override IEnumerator GetEnumerator() => ((IEnumerable)inner).GetEnumerator();
    public override void Close() => inner.Close();
    public override ValueTask DisposeAsync() => inner.DisposeAsync();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            inner.Dispose();
        base.Dispose(disposing);
    }
}
