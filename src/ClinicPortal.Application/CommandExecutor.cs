using ClinicPortal.Domain;

namespace ClinicPortal.Application;

/// <summary>
/// Runs any decider against the log: read the events its query matches, fold, decide, and append the new events on
/// condition that no matching event arrived meanwhile. On a conflict it reads and decides again, a bounded number of
/// times; no lock is held while deciding. The log records the command's actor and moment with its events.
/// </summary>
public sealed class CommandExecutor(IEventStore store)
{
    public const int MaxAttempts = 20;

    /// <summary>Decides <paramref name="command"/> with the decider it names, and appends what it decided.</summary>
    public Task<Checked<IReadOnlyList<TEvent>>> ExecuteAsync<TCommand, TDecider, TState, TEvent>(
        ICommand<TCommand, TDecider, TState, TEvent> command, CancellationToken cancellationToken = default)
        where TCommand : ICommand<TCommand, TDecider, TState, TEvent>
        where TDecider : IDecider<TCommand, TState, TEvent>
        where TEvent : IClinicEvent =>
        RunAsync<TDecider, TCommand, TState, TEvent>((TCommand)command, cancellationToken);

    /// <summary>
    /// The state <paramref name="command"/> would be decided on now (its query's events folded), for a question asked
    /// before deciding (a series' plan shown before it is booked); nothing is appended.
    /// </summary>
    public async Task<TState> StateAsync<TCommand, TDecider, TState, TEvent>(
        ICommand<TCommand, TDecider, TState, TEvent> command, CancellationToken cancellationToken = default)
        where TCommand : ICommand<TCommand, TDecider, TState, TEvent>
        where TDecider : IDecider<TCommand, TState, TEvent>
        where TEvent : IClinicEvent
    {
        var stream = await store.ReadAsync(TDecider.QueryFor((TCommand)command), cancellationToken);
        return stream.Events.Aggregate(TDecider.Initial((TCommand)command), (s, e) => TDecider.Evolve(s, e.Event));
    }

    private async Task<Checked<IReadOnlyList<TEvent>>> RunAsync<TDecider, TCommand, TState, TEvent>(
        TCommand command, CancellationToken cancellationToken)
        where TDecider : IDecider<TCommand, TState, TEvent>
        where TCommand : ICommand
        where TEvent : IClinicEvent
    {
        var query = TDecider.QueryFor(command);
        var metadata = new EventMetadata(command.By.Name, command.Now);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var stream = await store.ReadAsync(query, cancellationToken);
            var state = stream.Events.Aggregate(TDecider.Initial(command), (s, e) => TDecider.Evolve(s, e.Event));
            var decision = TDecider.Decide(command, state);
            if (!decision.IsAccepted || decision.Value!.Count == 0)
                return decision;

            try
            {
                await store.AppendAsync([.. decision.Value.Cast<IClinicEvent>()], metadata, new AppendCondition(query, stream.LastPosition), cancellationToken);
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
