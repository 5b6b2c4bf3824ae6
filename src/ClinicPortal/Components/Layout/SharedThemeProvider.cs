using System.Collections.Concurrent;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Rendering;
using MudBlazor;

namespace ClinicPortal.Components.Layout;

/// <summary>
/// MudBlazor's theme provider, with its stylesheet built once per theme and colour scheme instead of once per
/// page: MudBlazor writes the theme's CSS variables as a new string on every render of every circuit, and an
/// open page kept that string (tens of kilobytes) for as long as it stayed open. The markup is the same as
/// MudBlazor's (<c>SharedThemeProviderTests</c> compares them); dark-mode watching is MudBlazor's own.
/// </summary>
public sealed class SharedThemeProvider : MudThemeProvider
{
    // The chart rule MudThemeProvider.razor writes before the theme (MudBlazor 9).
    private const string ChartStyle = """
        <style>
            .mud-chart-serie:hover {
                filter: url(#lighten);
            }
            .mud-chart-serie-hovered 
            {
                filter: url(#lighten);
            }
        </style>
        """;

    private static readonly ConcurrentDictionary<(MudTheme? Theme, bool Dark, bool DefaultScrollbar), string> Sheets = new();

    /// <summary>The light theme comes from the page's head (<see cref="ThemeStylesheet"/>): write only the dark one.</summary>
    [Parameter] public bool LightFromStylesheet { get; set; }

    protected override void BuildRenderTree(RenderTreeBuilder builder)
    {
#pragma warning disable MUD0010
        if (LightFromStylesheet && !IsDarkMode)
            return;
#pragma warning restore MUD0010
        // The key is the parameters as the parent last set them, which is what BuildTheme reads too.
#pragma warning disable MUD0010
        var key = (Theme, IsDarkMode, DefaultScrollbar);
#pragma warning restore MUD0010
        builder.AddMarkupContent(0, Sheets.GetOrAdd(key, _ =>
            (DefaultScrollbar ? "" : BuildMudBlazorScrollbar()) + ChartStyle + BuildTheme()));
    }
}
