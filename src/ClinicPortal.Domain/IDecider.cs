using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain;

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
