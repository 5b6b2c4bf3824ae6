
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
