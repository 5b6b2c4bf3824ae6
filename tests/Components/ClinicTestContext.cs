using System.Security.Claims;
using ClinicPortal.Domain;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;
using Bunit.TestDoubles;

namespace ClinicPortal.Tests.Components;

/// <summary>
/// A bUnit context set up like the app's interactive pages: MudBlazor's services (with loose JS interop, since
/// no browser runs here), an interactive server renderer, and the providers the layout puts on every page.
/// </summary>
public abstract class ClinicTestContext : BunitContext, IAsyncLifetime
{
    private readonly BunitAuthorizationContext authorization;

    protected ClinicTestContext()
    {
        JSInterop.Mode = JSRuntimeMode.Loose;
        Services.AddMudServices(options => options.SnackbarConfiguration.ShowTransitionDuration = 0);
        authorization = AddAuthorization();
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
    }

    public virtual Task InitializeAsync() => Task.CompletedTask;

    /// <summary>What a test set up beyond the context (a SQLite app), released after the components are gone.</summary>
    protected virtual ValueTask ReleaseAsync() => ValueTask.CompletedTask;

    // MudBlazor's services dispose only asynchronously: dispose the context that way before xUnit's Dispose.
    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await ReleaseAsync();
    }

    /// <summary>The dialog and snackbar hosts of the layout; render them before the component that opens dialogs.</summary>
    protected (IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) RenderProviders()
    {
        Render<MudPopoverProvider>();
        return (Render<MudDialogProvider>(), Render<MudSnackbarProvider>());
    }

    /// <summary>Signs a user of one role in for the components that read the authentication state.</summary>
    protected void SignIn(Guid userId, string name, string role)
    {
        authorization.SetAuthorized(name);
        authorization.SetRoles(role);
        authorization.SetClaims(new Claim(ClaimTypes.NameIdentifier, userId.ToString()));
    }

    /// <summary>The app's real services on a SQLite file (handlers, read models, people) behind bUnit's own.</summary>
    protected void UseApp(TestApp app) => Services.AddFallbackServiceProvider(app.Services);
}
