using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;

namespace ClinicPortal.Components.Layout;

/// <summary>
/// The light theme's CSS variables as a stylesheet of their own (<c>/theme.{hash}.css</c>, cached for good), linked
/// from the page's head: written once at start-up from <see cref="SharedThemeProvider"/>, so the same markup as
/// MudBlazor's. Inline in the layout, these 13 KB of variables went out in every page's HTML and again in its
/// circuit's first render, and replacing them there made the browser restyle the whole page just as it turned
/// interactive. Dark mode, once the browser says it is preferred, is still the layout's provider, written after it.
/// </summary>
public static partial class ThemeStylesheet
{
    /// <summary>The stylesheet's address, by its content (set at start-up).</summary>
    public static string Href { get; private set; } = "";

    private static byte[] _css = [];

    /// <summary>Writes the stylesheet (once, at start-up) and answers for it.</summary>
    public static async Task MapThemeStylesheetAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        await using var renderer = new HtmlRenderer(scope.ServiceProvider, app.Services.GetRequiredService<ILoggerFactory>());
        var markup = await renderer.Dispatcher.InvokeAsync(async () => (await renderer.RenderComponentAsync<SharedThemeProvider>(
            ParameterView.FromDictionary(new Dictionary<string, object?>
            {
                [nameof(SharedThemeProvider.Theme)] = ClinicTheme.Theme, [nameof(SharedThemeProvider.IsDarkMode)] = false,
                [nameof(SharedThemeProvider.ObserveSystemDarkModeChange)] = false,
            }))).ToHtmlString());
        _css = Encoding.UTF8.GetBytes(StyleTags().Replace(markup, "")); // the rules of its <style> elements, without the tags
        Href = $"theme.{Convert.ToHexString(SHA256.HashData(_css))[..12].ToLowerInvariant()}.css";
        app.MapGet("/" + Href, (HttpContext http) =>
        {
            http.Response.Headers.CacheControl = "max-age=31536000, immutable";
            return Results.Bytes(_css, "text/css; charset=utf-8");
        }).AllowAnonymous().ExcludeFromDescription();
    }

    [System.Text.RegularExpressions.GeneratedRegex("</?style[^>]*>")]
    private static partial System.Text.RegularExpressions.Regex StyleTags();
}
