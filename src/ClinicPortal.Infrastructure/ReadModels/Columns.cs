namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// How the read models' columns hold what both databases keep alike: a list of ids as one text column
/// (space-separated), a practice day as its <c>yyyy-MM-dd</c> text, an instant as Unix milliseconds.
/// </summary>
internal static class Columns
{
    /// <summary>A list of ids as one column (space-separated), or NULL for none.</summary>
    public static object Ids(IReadOnlyList<Guid>? ids) => ids is { Count: > 0 } ? string.Join(' ', ids) : DBNull.Value;

    public static IReadOnlyList<Guid>? ParseIds(string? column) =>
        string.IsNullOrEmpty(column) ? null : column.Split(' ').Select(Guid.Parse).ToArray();

    public static string Day(DateOnly date) => date.ToString("yyyy-MM-dd");

    public static long Ms(DateTimeOffset instant) => instant.ToUnixTimeMilliseconds();

    public static DateTimeOffset FromMs(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
