using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>The event store in memory: a test double for the store port, held to the same contract as SQLite.</summary>
public sealed class InMemoryEventStore : IEventStore
{
    private readonly List<StoredEvent> _log = [];
    private readonly Lock _gate = new();

    public Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            var matching = _log.Where(e => query.Matches(EventTypes.NameOf(e.Event), e.Tags.ToHashSet())).ToArray();
            return Task.FromResult(new EventStream(matching, _log.Count == 0 ? 0 : _log[^1].Position));
        }
    }

    public Task<long> AppendAsync(IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken = default)
    {
        lock (_gate)
        {
            if (condition is not null && _log.Any(e =>
                    e.Position > condition.After &&
                    condition.FailIfEventsMatch.Matches(EventTypes.NameOf(e.Event), e.Tags.ToHashSet())))
                throw new AppendConditionFailedException(condition);

            foreach (var @event in events)
                _log.Add(new StoredEvent(_log.Count + 1, @event, EventTags.Of(@event), metadata.RecordedAt, metadata.CausedBy));
            return Task.FromResult((long)_log.Count);
        }
    }

    public Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult(_log.Count == 0 ? 0L : _log[^1].Position);
    }

    public Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default)
    {
        lock (_gate)
            return Task.FromResult<IReadOnlyList<StoredEvent>>(_log.Where(e => e.Position > position).Take(maxCount).ToArray());
    }
}
