namespace ClinicPortal.Domain.EventStore;

/// <summary>
/// One alternative of a <see cref="Query"/>: events whose type is one of <see cref="Types"/>
/// (any type when empty) and that carry every one of <see cref="Tags"/> (no tag needed when empty).
/// </summary>
public sealed record QueryItem(IReadOnlyList<string> Types, IReadOnlyList<Tag> Tags)
{
    public bool Matches(string type, IReadOnlyCollection<Tag> tags) =>
        (Types.Count == 0 || Types.Contains(type)) && Tags.All(tags.Contains);
}
