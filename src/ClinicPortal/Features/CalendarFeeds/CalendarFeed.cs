namespace ClinicPortal.Features.CalendarFeeds;

/// <summary>A subscription's calendar file as it stands, and its entity tag (the same text, the same tag).</summary>
public sealed record CalendarFeed(string Body, string ETag)
{
    public const string ContentType = "text/calendar; charset=utf-8";

    /// <summary>Whether a client's <c>If-None-Match</c> names this version (it has it already: 304).</summary>
    public bool Matches(string? ifNoneMatch) =>
        !string.IsNullOrEmpty(ifNoneMatch) && ifNoneMatch.Split(',').Any(tag => tag.Trim() is var t && (t == "*" || t == ETag || t == "W/" + ETag));
}
