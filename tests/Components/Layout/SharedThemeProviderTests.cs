using ClinicPortal.Components.Layout;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Layout;

public class SharedThemeProviderTests : ClinicTestContext
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void WritesTheSameStylesheetAsMudBlazorsThemeProvider(bool dark)
    {
        var mudBlazors = Render<MudThemeProvider>(ps => ps.Add(p => p.Theme, ClinicTheme.Theme).Add(p => p.IsDarkMode, dark));
        var shared = Render<SharedThemeProvider>(ps => ps.Add(p => p.Theme, ClinicTheme.Theme).Add(p => p.IsDarkMode, dark));

        Assert.Contains("--mud-palette-primary", shared.Markup);
        shared.MarkupMatches(mudBlazors.Markup);
    }
}
