using ClinicPortal.Infrastructure.EventStore;
using Microsoft.AspNetCore.Components;

namespace ClinicPortal.Features.Shared;

/// <summary>
/// A page that shows what the log has made true and keeps it so: once set up, it reloads whenever events are
/// appended (someone books or cancels elsewhere), without the person reloading. A failed reload goes to the
/// page's error boundary rather than vanishing.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject]
    private EventLogSignal Signal { get; set; } = default!;

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task LoadAsync();

    /// <summary>The page's own set-up, including its first <see cref="LoadAsync"/>.</summary>
    protected abstract Task OnPageInitializedAsync();

    protected sealed override async Task OnInitializedAsync()
    {
        await OnPageInitializedAsync();
        Signal.Appended += OnAppended;
    }

    /// <summary>True while a command the person started runs: the page shows progress and disables its buttons.</summary>
    protected bool Busy { get; private set; }

    /// <summary>Runs a command with the page marked busy, then reads the page again whatever came of it.</summary>
    protected async Task RunAsync(Func<Task> command)
    {
        Busy = true;
        StateHasChanged();
        try
        {
            await command();
        }
        finally
        {
            Busy = false;
            await LoadAsync();
        }
    }

    private void OnAppended(long position) => _ = InvokeAsync(async () =>
    {
        try
        {
            await LoadAsync();
            StateHasChanged();
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
    });

    public void Dispose()
    {
        Signal.Appended -= OnAppended;
        GC.SuppressFinalize(this);
    }
}
