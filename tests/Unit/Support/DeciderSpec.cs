using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Tests.Unit.Support;

/// <summary>Given (events) / When (command) / Then (events or a rejection), for any decider.</summary>
public sealed class DeciderSpec<TDecider, TCommand, TState, TEvent>
    where TDecider : IDecider<TCommand, TState, TEvent>
    where TCommand : ICommand
    where TEvent : IClinicEvent
{
    private IClinicEvent[] _given = [];
    private TCommand? _when;

    public DeciderSpec<TDecider, TCommand, TState, TEvent> Given(params IClinicEvent[] events)
    {
        _given = events;
        return this;
    }

    public DeciderSpec<TDecider, TCommand, TState, TEvent> When(TCommand command)
    {
        _when = command;
        return this;
    }

    public void Then(params IClinicEvent[] expected)
    {
        var decision = Decide();
        Assert.True(decision.IsAccepted, $"Expected events but was rejected: {decision.Rejection}");
        Assert.Equal(Describe(expected), Describe(decision.Value!.Cast<IClinicEvent>()));
    }

    public IReadOnlyList<TEvent> ThenAccepted()
    {
        var decision = Decide();
        Assert.True(decision.IsAccepted, $"Expected events but was rejected: {decision.Rejection}");
        return decision.Value!;
    }

    public void ThenRejected(Rejection expected)
    {
        var decision = Decide();
        Assert.False(decision.IsAccepted, $"Expected {expected} but got events: {(decision.IsAccepted ? Describe(decision.Value!.Cast<IClinicEvent>()) : "")}");
        Assert.Equal(expected, decision.Rejection);
    }

    private Checked<IReadOnlyList<TEvent>> Decide()
    {
        var command = _when ?? throw new InvalidOperationException("When(...) was not called.");
        // As the executor reads the log: only the given events the decider's query matches reach it, so a spec fails
        // when the query misses an event the decision needs.
        var query = TDecider.QueryFor(command);
        var read = _given.Where(e => query.Matches(EventTypes.NameOf(e), EventTags.Of(e).ToArray()));
        var state = read.Aggregate(TDecider.Initial(command), TDecider.Evolve);
        return TDecider.Decide(command, state);
    }

    // Records with list members compare by reference, so compare their printed form (lists spelled out).
    private static string Describe(IEnumerable<IClinicEvent> events) =>
        string.Join("\n", events.Select(A.Describe));
}
