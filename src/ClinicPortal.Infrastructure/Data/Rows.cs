using System.Data;
using System.Data.Common;
using System.Globalization;
using Dapper;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// Rows map by column name into typed records (Dapper's row parser over the statement this code ran): a column
/// <c>booking_id</c> fills a property <c>BookingId</c>. Each database's driver gives a value in its own type and the
/// record says the type wanted: an id (SQLite's text, PostgreSQL's uuid) becomes a <see cref="Guid"/>, a count or flag
/// the integer or <see cref="bool"/> the record names. A practice day stays its text (<c>yyyy-MM-dd</c>) in a row, and
/// <see cref="Day"/> reads it (Dapper reads a <see cref="DateOnly"/> through the driver, which PostgreSQL's refuses from
/// text). Parameters are not Dapper's: <see cref="SqlDialect.Parameter"/> gives them as each database takes them.
/// </summary>
public static class Rows
{
    static Rows()
    {
        DefaultTypeMap.MatchNamesWithUnderscores = true;
        SqlMapper.TypeMapProvider = type => new StorageNames(new DefaultTypeMap(type));
        SqlMapper.AddTypeHandler(new IdHandler());
    }

    /// <summary>
    /// The read models' columns keep the names they were made with (<c>doctor_id</c>, <c>booking_id</c>, like the log's
    /// <c>doctorId</c> and <c>bookingId</c>): a row's <c>ClinicianId</c> is read from its <c>doctor_id</c>, its
    /// <c>AppointmentId</c> from its <c>booking_id</c>.
    /// </summary>
    private sealed class StorageNames(SqlMapper.ITypeMap code) : SqlMapper.ITypeMap
    {
        private static string InCode(string column) =>
            column.Replace("doctor", "clinician", StringComparison.OrdinalIgnoreCase).Replace("booking", "appointment", StringComparison.OrdinalIgnoreCase);

        public System.Reflection.ConstructorInfo? FindConstructor(string[] names, Type[] types) => code.FindConstructor(names.Select(InCode).ToArray(), types);

        public System.Reflection.ConstructorInfo? FindExplicitConstructor() => code.FindExplicitConstructor();

        public SqlMapper.IMemberMap? GetConstructorParameter(System.Reflection.ConstructorInfo constructor, string columnName) =>
            code.GetConstructorParameter(constructor, InCode(columnName));

        public SqlMapper.IMemberMap? GetMember(string columnName) => code.GetMember(InCode(columnName));
    }

    /// <summary>A practice day as the read models keep it.</summary>
    public static DateOnly Day(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Every row of <paramref name="reader"/>, each as a <typeparamref name="T"/> by its columns' names (or the first column's value, for an id, a number or a text).</summary>
    public static async Task<List<T>> ReadAsync<T>(DbDataReader reader, CancellationToken ct)
    {
        var rows = new List<T>();
        if (!await reader.ReadAsync(ct))
            return rows;
        var parse = IsValue(typeof(T)) ? ValueOf<T> : reader.GetRowParser<T>();
        do
            rows.Add(parse(reader));
        while (await reader.ReadAsync(ct));
        return rows;
    }

    private sealed class IdHandler : SqlMapper.TypeHandler<Guid>
    {
        public override Guid Parse(object value) => value is Guid id ? id : Guid.Parse((string)value);

        public override void SetValue(IDbDataParameter parameter, Guid value) => parameter.Value = value;
    }

    /// <summary>Whether a row is one value (an id, a number, a text) rather than a record of columns.</summary>
    private static bool IsValue(Type type) => type.IsPrimitive || type == typeof(Guid) || type == typeof(string) || type == typeof(decimal);

    /// <summary>The first column's value as <typeparamref name="T"/> (an integer as the width asked for, an id from its text).</summary>
    private static T ValueOf<T>(DbDataReader reader) => reader.GetValue(0) switch
    {
        T value => value,
        string id when typeof(T) == typeof(Guid) => (T)(object)Guid.Parse(id),
        var other => (T)Convert.ChangeType(other, typeof(T), CultureInfo.InvariantCulture),
    };
}
