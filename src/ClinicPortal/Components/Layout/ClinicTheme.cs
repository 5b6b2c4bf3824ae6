using MudBlazor;

namespace ClinicPortal.Components.Layout;

/// <summary>The practice's look in light and dark: calm blue, system fonts (nothing is fetched from a font host).</summary>
public static class ClinicTheme
{
    private static readonly string[] SystemFonts = ["system-ui", "-apple-system", "Segoe UI", "Roboto", "Helvetica Neue", "Arial", "sans-serif"];

    public static MudTheme Theme { get; } = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#2f52b8",
            Secondary = "#00796b",
            AppbarBackground = "#2f52b8",
            Background = "#f6f7fb",
            Error = "#b3261e",
            Success = "#1b6e3a",
            Warning = "#8a5300",
            Info = "#1f5fa8",
            TextSecondary = "rgba(0,0,0,0.68)",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#9db4ff",
            PrimaryContrastText = "#0f1733",
            SecondaryContrastText = "#08201c",
            Secondary = "#6fd6c5",
            AppbarBackground = "#1e2433",
            Background = "#121521",
            Surface = "#1b1f2d",
            DrawerBackground = "#171b28",
            Error = "#ffb4ab",
            Success = "#8fd6a4",
            Warning = "#f5c26b",
            Info = "#9ccaff",
            TextSecondary = "rgba(255,255,255,0.74)",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = SystemFonts },
        },
        LayoutProperties = new LayoutProperties { DefaultBorderRadius = "6px" },
    };
}
