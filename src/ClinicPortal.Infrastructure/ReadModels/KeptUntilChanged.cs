using ClinicPortal.Application;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// A small read kept whole until the next committed append that carries <c>tag</c> (the practice's visit types, its
/// rooms): every availability read needs it, and it changes only when the owner changes it. A kept read serves only
/// callers who know of no change since it began; it is read again after any, and after a failed read.
/// </summary>
public sealed class KeptUntilChanged<T>
{
    private readonly Func<Task<T>> read;
    private long _changes; // changes committed so far (signalled after each commit)
    private volatile KeptRead? _kept;

    private sealed record KeptRead(long Changes, Task<T> Value);

    public KeptUntilChanged(EventLogSignal signal, Tag tag, Func<Task<T>> read)
    {
        this.read = read;
        signal.Appended += appended =>
        {
            if (appended.Touches(tag))
                Interlocked.Increment(ref _changes);
        };
    }

    public Task<T> GetAsync(CancellationToken ct)
    {
        var changes = Interlocked.Read(ref _changes);
        var kept = _kept;
        if (kept is null || kept.Changes != changes || kept.Value.IsFaulted)
            _kept = kept = new KeptRead(changes, read());
        return kept.Value.WaitAsync(ct);
    }
}
