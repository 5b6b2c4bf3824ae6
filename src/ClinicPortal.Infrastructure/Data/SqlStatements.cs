namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// Counts the SQL statements the database runs for one piece of work (a page's load, say): <c>using var counted =
/// SqlStatements.Count();</c>, then the work, then <see cref="Counter.Statements"/>. Only the work's own flow is counted
/// (an async-local scope), not what other requests or the background services run meanwhile.
/// </summary>
public static class SqlStatements
{
    private static readonly AsyncLocal<Counter?> Current = new();

    public static Counter Count() => Current.Value = new Counter();

    internal static void Ran()
    {
        if (Current.Value is { } counter)
            Interlocked.Increment(ref counter.Ran);
    }

    public sealed class Counter : IDisposable
    {
        internal int Ran;

        public int Statements => Volatile.Read(ref Ran);

        public void Dispose()
        {
            if (Current.Value == this)
                Current.Value = null;
        }
    }
}
