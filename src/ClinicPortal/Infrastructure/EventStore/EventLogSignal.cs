namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>Wakes the background services (and live pages) when events were appended, so that they need not poll hard.</summary>
public sealed class EventLogSignal
{
    private TaskCompletionSource _next = NewSource();

    /// <summary>Raised after each committed append, with the last position written.</summary>
    public event Action<long>? Appended;

    public void Notify(long position)
    {
        Interlocked.Exchange(ref _next, NewSource()).TrySetResult();
        // Raised on the event store's writer: one subscriber's failure must not stop the writer or the others.
        foreach (var subscriber in Appended?.GetInvocationList().Cast<Action<long>>() ?? [])
        {
            try
            {
                subscriber(position);
            }
            catch (Exception exception)
            {
                System.Diagnostics.Trace.TraceError($"An append subscriber failed: {exception}");
            }
        }
    }

    /// <summary>Completes at the next append, or after <paramref name="timeout"/>, whichever comes first.</summary>
    public async Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        try
        {
            await Volatile.Read(ref _next).Task.WaitAsync(timeout, cancellationToken);
        }
        catch (TimeoutException)
        {
            // Poll anyway: another process may share the file.
        }
    }

    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
