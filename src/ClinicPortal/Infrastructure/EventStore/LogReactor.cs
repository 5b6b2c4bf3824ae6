using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Policies;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>
/// A hosted background service that follows the log from its own checkpoint: it reads the events after the
/// checkpoint in batches and hands each batch to <see cref="HandleAsync"/>, which acts on it and saves the new
/// checkpoint (with its own writes, where it needs them atomic). It wakes at each append and polls slowly too;
/// after a failure it waits and tries again, so a restart or an outage skips nothing.
/// </summary>
public abstract class LogReactor(IEventStore store, Checkpoints checkpoints, EventLogSignal signal, ILogger logger) : BackgroundService
{
    private const int BatchSize = 500;

    protected abstract string CheckpointName { get; }

    protected Checkpoints Checkpoints => checkpoints;

    protected IEventStore Store => store;

    /// <summary>Acts on a batch and records that the log was read up to its last event.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct);

    /// <summary>Work to do whenever the reactor has caught up (the email dispatcher sends what is due).</summary>
    protected virtual Task AfterCatchUpAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Works through every event after the checkpoint; returns how many it read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var position = await checkpoints.GetAsync(CheckpointName, ct);
        var read = 0;
        while (true)
        {
            var batch = await store.ReadAfterAsync(position, BatchSize, ct);
            if (batch.Count == 0)
                return read;
            await HandleAsync(batch, ct);
            position = batch[^1].Position;
            read += batch.Count;
        }
    }

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                await AfterCatchUpAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "{Reactor} failed; trying again shortly", GetType().Name);
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
