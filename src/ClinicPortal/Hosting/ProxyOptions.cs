namespace ClinicPortal.Hosting;

/// <summary>How the app sits behind a TLS-terminating proxy (the <c>Proxy</c> section).</summary>
public sealed class ProxyOptions
{
    public const string Section = "Proxy";

    /// <summary>Addresses of the proxies whose X-Forwarded-For/-Proto/-Host headers are believed (besides loopback).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies, as CIDR (e.g. "10.0.0.0/8").</summary>
    public string[] KnownNetworks { get; set; } = [];
}
