using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Application;

/// <summary>What one committed append (or group of appends) wrote: the last position and every tag its events carry.</summary>
public sealed record Appended(long LastPosition, IReadOnlySet<Tag> Tags)
{
    /// <summary>True when an appended event is about any of <paramref name="tags"/>.</summary>
    public bool Touches(params ReadOnlySpan<Tag> tags)
    {
        foreach (var tag in tags)
            if (Tags.Contains(tag))
                return true;
        return false;
    }

    private IReadOnlySet<DateOnly>? _dates;

    /// <summary>True when an appended event is about some clinician's day on <paramref name="date"/>.</summary>
    /// <remarks>The dates are read from the tags once per append, however many open pages ask (computing them twice in a race is harmless).</remarks>
    public bool TouchesDate(DateOnly date) => (_dates ??= Tags.Select(tag => tag.DayDate).OfType<DateOnly>().ToHashSet()).Contains(date);
}
