namespace ClinicPortal.Tests.Shared;

/// <summary>
/// The one place a test waits: for a condition, asked again every <c>interval</c> until it holds or the time is up.
/// A test never sleeps for a fixed time in the hope that something has happened by then.
/// </summary>
public static class Poll
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Waits until <paramref name="condition"/> holds; false if it still does not after <paramref name="timeout"/>.</summary>
    public static async Task<bool> UntilAsync(Func<Task<bool>> condition, TimeSpan? timeout = null, TimeSpan? interval = null, CancellationToken cancellation = default)
    {
        var deadline = DateTime.UtcNow + (timeout ?? DefaultTimeout);
        while (true)
        {
            if (await condition())
                return true;
            if (DateTime.UtcNow >= deadline)
                return false;
            await Task.Delay(interval ?? DefaultInterval, cancellation);
        }
    }

    /// <inheritdoc cref="UntilAsync(Func{Task{bool}}, TimeSpan?, TimeSpan?, CancellationToken)"/>
    public static Task<bool> UntilAsync(Func<bool> condition, TimeSpan? timeout = null, TimeSpan? interval = null, CancellationToken cancellation = default) =>
        UntilAsync(() => Task.FromResult(condition()), timeout, interval, cancellation);

    /// <summary>Waits until <paramref name="condition"/> holds, and fails the test with <paramref name="because"/> if it never does.</summary>
    public static async Task AssertAsync(Func<Task<bool>> condition, string because, TimeSpan? timeout = null, TimeSpan? interval = null)
    {
        if (!await UntilAsync(condition, timeout, interval))
            throw new Xunit.Sdk.XunitException($"Still not so after {(timeout ?? DefaultTimeout).TotalSeconds:0.#} s: {because}");
    }

    /// <inheritdoc cref="AssertAsync(Func{Task{bool}}, string, TimeSpan?, TimeSpan?)"/>
    public static Task AssertAsync(Func<bool> condition, string because, TimeSpan? timeout = null, TimeSpan? interval = null) =>
        AssertAsync(() => Task.FromResult(condition()), because, timeout, interval);

    /// <summary>
    /// Waits until <paramref name="clock"/> reads later than <paramref name="instant"/>: a moment that has really passed
    /// (a view "as of" a time must have a time before the change it shows the day without).
    /// </summary>
    public static Task PastAsync(Func<DateTimeOffset> clock, DateTimeOffset instant, TimeSpan? timeout = null) =>
        AssertAsync(() => clock() > instant, $"the clock passed {instant:O}", timeout ?? TimeSpan.FromSeconds(5), TimeSpan.FromMilliseconds(20));
}
