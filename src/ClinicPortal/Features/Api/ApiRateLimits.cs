using System.Globalization;
using System.Security.Claims;
using System.Threading.RateLimiting;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;
using static ClinicPortal.Features.Api.ApiValues;

namespace ClinicPortal.Features.Api;

/// <summary>
/// The API's rate limits, by the policy a route names (<c>RequireRateLimiting(SignInLimit)</c>, <c>…(BookingLimit)</c>):
/// sign-in and calendar subscriptions per client address, booking per account (or address). ASP.NET Core's rate-limiting middleware would do the
/// same, but refills its limiters from a timer ten times a second for the life of the process; these refill when asked
/// (<see cref="OnDemandRateLimiter{TKey}"/>), so an idle practice sleeps. Checked where that middleware stood: after
/// authorization, before the route's body is read.
/// </summary>
public sealed class ApiRateLimits(RateLimitOptions limits)
{
    private readonly OnDemandRateLimiter<string> _signIn = OnDemandRateLimiter<string>.FixedWindow(limits.SignInPerMinute, TimeSpan.FromMinutes(1));
    private readonly OnDemandRateLimiter<string> _booking = OnDemandRateLimiter<string>.TokenBucket(limits.BookingsPerMinute, TimeSpan.FromMinutes(1));
    private readonly OnDemandRateLimiter<string> _calendarFeed = OnDemandRateLimiter<string>.FixedWindow(limits.CalendarFeedsPerMinute, TimeSpan.FromMinutes(1));

    /// <summary>The lease for this request under its route's policy; null when the route names none.</summary>
    public RateLimitLease? Acquire(HttpContext http) =>
        http.GetEndpoint()?.Metadata.GetMetadata<EnableRateLimitingAttribute>()?.PolicyName switch
        {
            SignInLimit => _signIn.AttemptAcquire(Address(http)),
            BookingLimit => _booking.AttemptAcquire(http.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? Address(http)),
            CalendarFeedLimit => _calendarFeed.AttemptAcquire(Address(http)),
            _ => null,
        };

    private static string Address(HttpContext http) => http.Connection.RemoteIpAddress?.ToString() ?? "unknown";

    /// <summary>Refuses a request over its route's limit: 429 with Retry-After and the API's problem details.</summary>
    public static void UseApiRateLimits(IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        using var lease = context.RequestServices.GetRequiredService<ApiRateLimits>().Acquire(context);
        if (lease is null || lease.IsAcquired)
        {
            await next(context);
            return;
        }
        if (lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
            context.Response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        await ApiProblems.Problem(StatusCodes.Status429TooManyRequests, "rate_limited", "Too many requests; please wait a moment.").ExecuteAsync(context);
    });
}
