namespace ClinicPortal.Domain.EventStore;

/// <summary>
/// Which events a decision depends on: an event matches when it matches any of the <see cref="Items"/>.
/// A query with no items matches every event.
/// </summary>
public sealed record Query(IReadOnlyList<QueryItem> Items)
{
    /// <summary>Every event in the log.</summary>
    public static Query All { get; } = new([]);

    /// <summary>Events of any type that carry <paramref name="tag"/>.</summary>
    public static Query Tagged(Tag tag) => new([new QueryItem([], [tag])]);

    /// <summary>Events of any type that carry any one of <paramref name="tags"/>.</summary>
    public static Query TaggedAny(IEnumerable<Tag> tags) =>
        new(tags.Select(tag => new QueryItem([], [tag])).ToArray());

    /// <summary>This query or <paramref name="other"/>.</summary>
    public Query Or(Query other) => new([.. Items, .. other.Items]);

    public bool Matches(string type, IReadOnlyCollection<Tag> tags) =>
        Items.Count == 0 || Items.Any(item => item.Matches(type, tags));
}
