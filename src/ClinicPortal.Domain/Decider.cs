using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain;

/// <summary>
/// One use case's rules as pure functions: which events the decision depends on, how they fold into
/// a small state, and what the command makes of that state.
/// </summary>
public interface IDecider<TCommand, TState>
{
    static abstract Query QueryFor(TCommand command);
    static abstract TState Initial(TCommand command);
    static abstract TState Evolve(TState state, IClinicEvent @event);
    static abstract Checked<IReadOnlyList<IClinicEvent>> Decide(TCommand command, TState state);
}

/// <summary>
/// Runs a decider against the log: read the events its query matches, fold, decide, and append the
/// new events on condition that no matching event arrived meanwhile. On a conflict it reads and decides
/// again, a bounded number of times; no lock is held while deciding.
/// </summary>
public sealed class CommandExecutor(IEventStore store)
{
    public const int MaxAttempts = 20;

    public async Task<Checked<IReadOnlyList<IClinicEvent>>> ExecuteAsync<TDecider, TCommand, TState>(
        TCommand command, EventMetadata metadata, CancellationToken cancellationToken = default)
        where TDecider : IDecider<TCommand, TState>
    {
        var query = TDecider.QueryFor(command);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stream = await store.ReadAsync(query, cancellationToken);
            var state = stream.Events.Aggregate(TDecider.Initial(command), (s, e) => TDecider.Evolve(s, e.Event));
            var decision = TDecider.Decide(command, state);
            if (!decision.IsAccepted || decision.Value!.Count == 0)
                return decision;

            try
            {
                await store.AppendAsync(decision.Value, metadata, new AppendCondition(query, stream.LastPosition), cancellationToken);
                return decision;
            }
            catch (AppendConditionFailedException)
            {
                // Someone changed what this decision read; decide again on the new facts.
            }
        }
        return Rejection.Conflict;
    }
}
