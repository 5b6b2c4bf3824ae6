using ClinicPortal.Features.Shared;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Shared;

public class ConfirmDialogTests : ClinicTestContext
{
    private async Task<(IRenderedComponent<MudDialogProvider> Host, Task<bool> Answer)> AskAsync()
    {
        var (host, _) = RenderProviders();
        var dialogs = Services.GetRequiredService<IDialogService>();
        Task<bool>? answer = null;
        await host.InvokeAsync(() => { answer = dialogs.ConfirmAsync("Cancel booking", "Cancel Tuesday at 09:00?", "Cancel booking", "Keep it", destructive: true); });
        host.WaitForElement("[data-testid=confirm]");
        return (host, answer!);
    }

    [Fact]
    public async Task ItAsksInWordsAndGoesAheadOnlyWhenConfirmed()
    {
        var (host, answer) = await AskAsync();

        Assert.Equal("Cancel Tuesday at 09:00?", host.Find("[data-testid=confirm-message]").TextContent.Trim());
        await host.Find("[data-testid=confirm]").ClickAsync(new());

        Assert.True(await answer.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task KeepingItAnswersNo()
    {
        var (host, answer) = await AskAsync();

        await host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Keep it").ClickAsync(new());

        Assert.False(await answer.WaitAsync(TimeSpan.FromSeconds(5)));
    }
}
