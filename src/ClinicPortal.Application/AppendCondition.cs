using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application;

/// <summary>
/// Makes an append fail when any event matching <see cref="FailIfEventsMatch"/> was appended after
/// position <see cref="After"/>: the events the decision was based on have changed since it was made.
/// </summary>
public sealed record AppendCondition(Query FailIfEventsMatch, long After);
