using System.Security.Claims;
using ClinicPortal.Infrastructure.Languages;
using ClinicPortal.Infrastructure.Practice;
using Microsoft.Net.Http.Headers;

namespace ClinicPortal.Features.Language;

/// <summary>
/// Which language a request is answered in: the API's <c>Accept-Language</c> first (its callers say so with each request);
/// then <c>?language=</c> (kept in the cookie from then on), the person's choice in this browser (the cookie), their
/// account's (a claim saved when they chose, so it follows them to another browser), and last the practice's default
/// (Settings). Pages and the live connection behind them read it alike, so a page never changes language once shown.
/// </summary>
public static class LanguageChoice
{
    public const string Cookie = "clinicportal-language";
    public const string ClaimType = Languages.ClaimType;
    public const string Query = "language";

    public static IApplicationBuilder UseLanguages(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var code = Resolve(context, context.RequestServices.GetRequiredService<PracticeSettings>().Current.LanguageCode);
        if (Languages.Match(context.Request.Query[Query]) is { } asked && context.Request.Cookies[Cookie] != asked)
            Remember(context.Response, asked);
        using (Languages.Use(code))
            await next(context);
    });

    /// <summary>The language of this request, by the order above.</summary>
    public static string Resolve(HttpContext context, string practiceDefault)
    {
        if (context.Request.Path.StartsWithSegments("/api") && FromHeader(context.Request.Headers.AcceptLanguage) is { } accepted)
            return accepted;
        return Languages.Match(context.Request.Query[Query])
               ?? Languages.Match(context.Request.Cookies[Cookie])
               ?? Languages.Match(context.User.FindFirstValue(ClaimType))
               ?? Languages.Match(practiceDefault)
               ?? Languages.English;
    }

    /// <summary>Keeps the person's choice in this browser for a year.</summary>
    public static void Remember(HttpResponse response, string code) =>
        response.Cookies.Append(Cookie, code, new CookieOptions
        {
            MaxAge = TimeSpan.FromDays(365), HttpOnly = true, IsEssential = true, SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Lax, Secure = response.HttpContext.Request.IsHttps,
        });

    /// <summary>The first language of the header we have, by its quality.</summary>
    private static string? FromHeader(Microsoft.Extensions.Primitives.StringValues header) =>
        StringWithQualityHeaderValue.TryParseList(header, out var values)
            ? values.OrderByDescending(v => v.Quality ?? 1).Select(v => Languages.Match(v.Value.Value)).FirstOrDefault(code => code is not null)
            : null;
}
