namespace ClinicPortal.Features.CalendarFeeds;

/// <summary>One appointment as a subscribed calendar shows it: what it says, never why the patient comes.</summary>
public sealed record FeedEntry(string Uid, DateTimeOffset StartUtc, DateTimeOffset EndUtc, string Summary, string? Location);
