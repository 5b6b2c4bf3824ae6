using ClinicPortal.Application;
using Microsoft.AspNetCore.Components;

namespace ClinicPortal.Features.Shared;

/// <summary>
/// A page that shows what the log has made true and keeps it so: it reloads when an appended event touches what it
/// shows (<see cref="Shows"/>: its day, clinician or patient), without the person reloading, and leaves other pages'
/// changes alone. It listens from before its first load, so an append that lands while the page is still loading
/// is not missed. A failed reload goes to the page's error boundary rather than vanishing.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject]
    private EventLogSignal Signal { get; set; } = default!;

    private bool _ready;
    private bool _missed;

    /// <summary>Reads what the page shows.</summary>
    protected abstract Task LoadAsync();

    /// <summary>The page's own set-up, including its first <see cref="LoadAsync"/>.</summary>
    protected abstract Task OnPageInitializedAsync();

    /// <summary>Whether events with these tags change what the page shows now (by default, any append does).</summary>
    protected virtual bool Shows(Appended appended) => true;

    protected sealed override async Task OnInitializedAsync()
    {
        Signal.Appended += OnAppended;
        await OnPageInitializedAsync();
        _ready = true;
        if (_missed)
            await LoadAsync();
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

    // Raised on the store's writer thread: decide cheaply there, and only then go to the page's own dispatcher.
    private void OnAppended(Appended appended)
    {
        if (!Shows(appended))
            return;
        _ = InvokeAsync(async () =>
        {
            if (!_ready)
            {
                _missed = true; // the first load is under way; it loads again when it is done
                return;
            }
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
    }

    public void Dispose()
    {
        Signal.Appended -= OnAppended;
        GC.SuppressFinalize(this);
    }
}
