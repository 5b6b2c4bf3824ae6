namespace ClinicPortal.Application;

/// <summary>Thrown when an <see cref="AppendCondition"/> fails; nothing was appended.</summary>
public sealed class AppendConditionFailedException(AppendCondition condition)
    : Exception($"An event matching the decision's query was appended after position {condition.After}.")
{
    public AppendCondition Condition { get; } = condition;
}
