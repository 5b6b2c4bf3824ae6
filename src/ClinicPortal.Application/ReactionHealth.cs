using System.Collections.Concurrent;

namespace ClinicPortal.Application;

/// <summary>
/// What the reactions to the log report about themselves: a failing reaction keeps its checkpoint (no effect is
/// skipped) and is listed here until it gets through, for the owner to see and to retry at once.
/// </summary>
public sealed class ReactionHealth(TimeProvider time)
{
    private static readonly TimeSpan MaxDelay = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<string, StuckWork> _stuck = new();
    private readonly ConcurrentDictionary<string, TaskCompletionSource> _retryNow = new();

    public IReadOnlyList<StuckWork> Stuck => [.. _stuck.Values.OrderBy(s => s.Since)];

    /// <summary>Records a failure; returns how long the reaction waits before its next attempt (1 s, 2 s, 4 s, … at most 5 minutes).</summary>
    public TimeSpan Failed(string reaction, long checkpoint, Exception exception)
    {
        var now = time.GetUtcNow();
        var attempts = _stuck.TryGetValue(reaction, out var before) && before.Checkpoint == checkpoint ? before.Attempts + 1 : 1;
        var delay = Backoff.Before(attempts, MaxDelay);
        _stuck[reaction] = new StuckWork(reaction, checkpoint, before?.Checkpoint == checkpoint ? before.Since : now, attempts,
            $"{exception.GetType().Name}: {exception.Message}", now + delay);
        return delay;
    }

    public void GotThrough(string reaction) => _stuck.TryRemove(reaction, out _);

    /// <summary>The owner's "retry now": the reaction's wait ends at once.</summary>
    public void RetryNow(string reaction) => Signal(reaction).TrySetResult();

    /// <summary>Waits out the back-off, or less if someone asks to retry now.</summary>
    public async Task WaitBeforeRetryAsync(string reaction, TimeSpan delay, CancellationToken ct)
    {
        var retry = Signal(reaction);
        await Task.WhenAny(retry.Task, Task.Delay(delay, time, ct));
        _retryNow.TryRemove(new KeyValuePair<string, TaskCompletionSource>(reaction, retry));
        ct.ThrowIfCancellationRequested();
    }

    private TaskCompletionSource Signal(string reaction) =>
        _retryNow.GetOrAdd(reaction, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
}
