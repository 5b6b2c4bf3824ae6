using System.Net;
using SessionOptions = ClinicPortal.Infrastructure.Accounts.SessionOptions;
using Microsoft.AspNetCore.HttpOverrides;

namespace ClinicPortal.Hosting;

public static class WebSecurity
{
    /// <summary>
    /// The policy every response carries. Scripts come only from the app itself; styles also inline (the component
    /// library sets its theme that way); nothing may frame the app; the live connection goes to the app itself.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    public static IServiceCollection AddWebSecurity(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            foreach (var address in proxy.KnownProxies)
                options.KnownProxies.Add(IPAddress.Parse(address));
            foreach (var network in proxy.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
        });
        services.AddHsts(options => options.MaxAge = TimeSpan.FromDays(365));
        // Secure whenever the request came over HTTPS (as the proxy reported it), like the sign-in cookie.
        services.Configure<Microsoft.AspNetCore.Antiforgery.AntiforgeryOptions>(options => options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);
        services.AddOptions<SessionOptions>().Bind(configuration.GetSection(SessionOptions.Section));
        return services;
    }

    /// <summary>Forwarded headers first (so the client's real address and scheme count everywhere), then HSTS and the headers.</summary>
    public static void UseWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseHsts(); // only on HTTPS requests, as the proxy reported them
        app.Use((context, next) =>
        {
            var headers = context.Response.Headers;
            headers.ContentSecurityPolicy = ContentSecurityPolicy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "no-referrer";
            context.Response.OnStarting(() =>
            {
                headers.Location = RelativeRedirect(headers.Location.ToString(), context.Request.Host.Value);
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    /// <summary>
    /// A redirect within the app, as a path: the framework builds its redirects (to sign in, after signing in) from the
    /// request's own Host header, which whoever sends the request chooses; a path can only ever lead to this site.
    /// </summary>
    public static string? RelativeRedirect(string? location, string? requestHost)
    {
        if (string.IsNullOrEmpty(location) || !Uri.TryCreate(location, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return string.IsNullOrEmpty(location) ? null : location;
        return string.Equals(uri.Authority, requestHost, StringComparison.OrdinalIgnoreCase) ? uri.PathAndQuery + uri.Fragment : location;
    }
}
