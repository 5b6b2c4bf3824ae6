namespace ClinicPortal.Infrastructure.Data;

/// <summary>A list of values for <c>IN (…)</c>, each its own parameter: what a read in sets names its rows by.</summary>
public static class SqlList
{
    /// <summary>
    /// <c>@prefix0, @prefix1, …</c> for the SQL, and those parameters with <paramref name="values"/> (an empty list gives
    /// no names: the caller says what none means).
    /// </summary>
    public static (string Sql, (string Name, object Value)[] Parameters) In(string prefix, IEnumerable<object> values)
    {
        var parameters = values.Select((value, i) => (Name: $"{prefix}{i}", Value: value)).ToArray();
        return (string.Join(", ", parameters.Select(p => p.Name)), parameters);
    }
}
