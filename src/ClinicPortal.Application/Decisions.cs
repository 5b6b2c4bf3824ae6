using ClinicPortal.Domain;

namespace ClinicPortal.Application;

public static class Decisions
{
    /// <summary>The one event a single-event decision appended, or its rejection.</summary>
    public static Checked<TEvent> Single<TEvent>(this Checked<IReadOnlyList<TEvent>> decision) =>
        decision.IsAccepted ? Checked<TEvent>.Accepted(decision.Value!.Single()) : decision.Rejection!.Value;
}
