namespace ClinicPortal.Application;

/// <summary>
/// Wakes the background services (and live pages) when events were appended, so that they need not poll hard.
/// The event store raises it after each commit, in process.
/// </summary>
public sealed class EventLogSignal
{
    /// <summary>
    /// How long a follower of the log waits for the signal before reading the log anyway. On SQLite one process writes
    /// the log and every append raises the signal, so this is only a safety net, and an idle practice sleeps; on
    /// PostgreSQL other instances' appends arrive over a connection that can drop, so followers look each second.
    /// </summary>
    public TimeSpan SafetyPoll { get; set; } = TimeSpan.FromSeconds(30);

    private TaskCompletionSource _next = NewSource();

    /// <summary>Raised after each committed append.</summary>
    public event Action<Appended>? Appended;

    public void Notify(Appended appended)
    {
        Interlocked.Exchange(ref _next, NewSource()).TrySetResult();
        // Raised on the event store's writer: one subscriber's failure must not stop the writer or the others.
        foreach (var subscriber in Appended?.GetInvocationList().Cast<Action<Appended>>() ?? [])
        {
            try
            {
                subscriber(appended);
            }
            catch (Exception exception)
            {
                System.Diagnostics.Trace.TraceError($"An append subscriber failed: {exception}");
            }
        }
    }

    /// <summary>Completes at the next append, or after <see cref="SafetyPoll"/>, whichever comes first.</summary>
    public Task WaitAsync(CancellationToken cancellationToken) => WaitAsync(SafetyPoll, cancellationToken);

    /// <summary>Completes at the next append, or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Look anyway: another instance may share the database.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
