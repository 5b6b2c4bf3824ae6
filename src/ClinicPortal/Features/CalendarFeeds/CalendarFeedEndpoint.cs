using ClinicPortal.Features.Api;
using Microsoft.AspNetCore.RateLimiting;

namespace ClinicPortal.Features.CalendarFeeds;

/// <summary>
/// <c>GET /calendar/{secret}.ics</c>: a calendar subscription, for calendar apps that poll it without signing in (the
/// secret is the key). A client that sends the entity tag it has gets 304 until something changed. An address that is
/// no one's answers 404 in words, whatever the reason, so a guess learns nothing; each client address may ask 60 times a
/// minute (<see cref="RateLimitOptions.CalendarFeedsPerMinute"/>).
/// </summary>
public static class CalendarFeedEndpoint
{
    public static void MapCalendarFeeds(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapGet("/calendar/{file}", async (string file, HttpContext http, CalendarSubscriptions feeds, CancellationToken ct) =>
        {
            var feed = file.EndsWith(".ics", StringComparison.OrdinalIgnoreCase) ? await feeds.ReadAsync(file[..^4], ct) : null;
            http.Response.Headers.CacheControl = "private, no-cache";
            http.Response.Headers["X-Robots-Tag"] = "noindex";
            if (feed is null)
                return Results.Text("This calendar address is not in use. Copy the current one from ClinicPortal.", statusCode: StatusCodes.Status404NotFound);
            http.Response.Headers.ETag = feed.ETag;
            return feed.Matches(http.Request.Headers.IfNoneMatch)
                ? Results.StatusCode(StatusCodes.Status304NotModified)
                : Results.Text(feed.Body, CalendarFeed.ContentType);
        }).AllowAnonymous().RequireRateLimiting(ApiValues.CalendarFeedLimit).ExcludeFromDescription();
}
