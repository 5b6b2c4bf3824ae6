using System.IO.Compression;
using Microsoft.AspNetCore.ResponseCompression;

namespace ClinicPortal.Hosting;

/// <summary>
/// Pages go out compressed (brotli, else gzip, at the fastest level: a Book page's 33 KB of HTML is 8 KB gzipped and
/// costs well under a millisecond to compress). Static assets are compressed at publish time and served as such
/// (<see cref="StaticAssetsManifest"/>); the API's JSON is small and stays as it is.
/// </summary>
/// <remarks>
/// Compressing over HTTPS a page that reflects input beside a secret invites BREACH. The secrets a page carries (the
/// antiforgery token, the circuit's component descriptors and state) are encrypted afresh with a random IV for every
/// response by Data Protection, so their bytes differ on every request and compression gives nothing away about them.
/// </remarks>
public static class PageCompression
{
    public static IServiceCollection AddPageCompression(this IServiceCollection services)
    {
        services.AddResponseCompression(options =>
        {
            options.EnableForHttps = true;
            options.MimeTypes = ["text/html", "text/css"]; // pages, and the theme's stylesheet (ThemeStylesheet)
            options.Providers.Add<BrotliCompressionProvider>();
            options.Providers.Add<GzipCompressionProvider>();
        });
        services.Configure<BrotliCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        services.Configure<GzipCompressionProviderOptions>(options => options.Level = CompressionLevel.Fastest);
        return services;
    }
}
