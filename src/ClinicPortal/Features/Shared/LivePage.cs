using ClinicPortal.Application;
using Microsoft.AspNetCore.Components;

namespace ClinicPortal.Features.Shared;

/// <summary>
/// A page that shows what the log has made true and keeps it so: it reloads when an appended event touches what it
/// shows (<see cref="Shows"/>: its day, clinician or patient), without the person reloading, and leaves other pages'
/// changes alone. It listens from before its first load, so an append that lands while the page is still loading
/// is not missed. A burst of appends costs one reload, not one each: while a reload runs, further appends only ask for
/// one more after it. A failed reload goes to the page's error boundary rather than vanishing.
/// </summary>
public abstract class LivePage : ComponentBase, IDisposable
{
    [Inject]
    private EventLogSignal Signal { get; set; } = default!;

    private bool _ready;
    private bool _missed;
    private int _queued; // a reload has been handed to the page's dispatcher and has not started yet (set on the writer's thread)
    private bool _loading; // these two only on the page's dispatcher
    private bool _again;

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

    // Raised on the store's writer thread: decide cheaply there, and only then go to the page's own dispatcher (once
    // for any number of appends that arrive before it gets there).
    private void OnAppended(Appended appended)
    {
        if (!Shows(appended) || Interlocked.Exchange(ref _queued, 1) == 1)
            return;
        _ = InvokeAsync(ReloadAsync);
    }

    private async Task ReloadAsync()
    {
        Volatile.Write(ref _queued, 0);
        if (!_ready)
        {
            _missed = true; // the first load is under way; it loads again when it is done
            return;
        }
        if (_loading)
        {
            _again = true; // what the running reload read may predate this append: read once more after it
            return;
        }
        _loading = true;
        try
        {
            do
            {
                _again = false;
                await LoadAsync();
                StateHasChanged();
            }
            while (_again);
        }
        catch (Exception exception)
        {
            await DispatchExceptionAsync(exception);
        }
        finally
        {
            _loading = false;
        }
    }

    public void Dispose()
    {
        Signal.Appended -= OnAppended;
        GC.SuppressFinalize(this);
    }
}
