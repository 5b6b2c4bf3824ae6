using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain;

/// <summary>A request for a change: who asks, and the moment the rules judge it at.</summary>
public interface ICommand
{
    Actor By { get; }
    DateTimeOffset Now { get; }
}

/// <summary>
/// A command that names the decider that decides it, with that decider's state and event: the executor needs only the
/// command (<c>executor.ExecuteAsync(command)</c>).
/// </summary>
public interface ICommand<TSelf, TDecider, TState, TEvent> : ICommand
    where TSelf : ICommand<TSelf, TDecider, TState, TEvent>
    where TDecider : IDecider<TSelf, TState, TEvent>
    where TEvent : IClinicEvent;

/// <summary>
/// One use case's rules as pure functions: which events the decision depends on, how they fold into
/// a small state, and what the command makes of that state (the events it appends, of one type).
/// </summary>
public interface IDecider<TCommand, TState, TEvent>
    where TCommand : ICommand
    where TEvent : IClinicEvent
{
    static abstract Query QueryFor(TCommand command);
    static abstract TState Initial(TCommand command);
    static abstract TState Evolve(TState state, IClinicEvent @event);
    static abstract Checked<IReadOnlyList<TEvent>> Decide(TCommand command, TState state);
}
