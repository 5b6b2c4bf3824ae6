using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application;

/// <summary>What one committed append (or group of appends) wrote: the last position and every tag its events carry.</summary>
public sealed record Appended(long LastPosition, IReadOnlySet<Tag> Tags)
{
    /// <summary>True when an appended event is about any of <paramref name="tags"/>.</summary>
    public bool Touches(params ReadOnlySpan<Tag> tags)
    {
        foreach (var tag in tags)
            if (Tags.Contains(tag))
                return true;
        return false;
    }

    private IReadOnlySet<DateOnly>? _dates;

    /// <summary>True when an appended event is about some clinician's day on <paramref name="date"/>.</summary>
    /// <remarks>The dates are read from the tags once per append, however many open pages ask (computing them twice in a race is harmless).</remarks>
    public bool TouchesDate(DateOnly date) => (_dates ??= Tags.Select(tag => tag.DayDate).OfType<DateOnly>().ToHashSet()).Contains(date);
}

/// <summary>
/// Wakes the background services (and live pages) when events were appended, so that they need not poll hard.
/// The event store raises it after each commit, in process.
/// </summary>
public sealed class EventLogSignal
{
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
