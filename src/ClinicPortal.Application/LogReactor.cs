namespace ClinicPortal.Application;

/// <summary>
/// A hosted background service that follows the log from its own checkpoint: it reads the events after the
/// checkpoint in batches and hands each batch to <see cref="HandleAsync"/>, which acts on it and saves the new
/// checkpoint (with its own writes, where it needs them atomic). It wakes at each append and polls slowly too.
/// A failure leaves the checkpoint where it was: the reaction is listed as stuck (<see cref="ReactionHealth"/>) and
/// tries the same events again with back-off, so a restart, an outage or a bug skips nothing. With several app instances
/// on one database, only the instance holding the reaction's lease follows the log (<see cref="IReactionLeases"/>).
/// </summary>
public abstract class LogReactor(IEventStore store, ICheckpoints checkpoints, EventLogSignal signal, ReactionHealth health, IReactionLeases leases, ILogger logger)
    : BackgroundService
{
    private const int BatchSize = 500;

    private long _reached;

    protected abstract string CheckpointName { get; }

    protected ICheckpoints Checkpoints => checkpoints;

    protected IEventStore Store => store;

    /// <summary>Acts on a batch and records that the log was read up to its last event.</summary>
    protected abstract Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct);

    /// <summary>Work to do whenever the reactor has caught up (the email dispatcher sends what is due).</summary>
    protected virtual Task AfterCatchUpAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>Works through every event after the checkpoint; returns how many it read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var position = _reached = await checkpoints.GetAsync(CheckpointName, ct);
        var read = 0;
        while (true)
        {
            var batch = await store.ReadAfterAsync(position, BatchSize, ct);
            if (batch.Count == 0)
                return read;
            // Acting only while leading: a lease found gone cancels the leading token, and this stops here.
            if (_lease is { } lease && !await lease.StillHeldAsync(ct))
                throw new OperationCanceledException("The reaction's lease was lost.", lease.Lost);
            await HandleAsync(batch, ct);
            position = _reached = batch[^1].Position;
            read += batch.Count;
        }
    }

    /// <summary>Follows the log while this instance leads the reaction (with several instances on one database, one at a time).</summary>
    protected sealed override Task ExecuteAsync(CancellationToken stoppingToken) => leases.LeadAsync(CheckpointName, FollowAsync, stoppingToken);

    private IReactionLease? _lease;

    private async Task FollowAsync(IReactionLease lease, CancellationToken stoppingToken)
    {
        _lease = lease;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await CatchUpAsync(stoppingToken);
                health.GotThrough(CheckpointName);
                await AfterCatchUpAsync(stoppingToken);
                await signal.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                // The checkpoint stays before the event that failed: nothing is skipped, and the owner sees it listed.
                var delay = health.Failed(CheckpointName, _reached, exception);
                logger.LogError(exception, "{Reactor} failed after position {Checkpoint}; trying again in {Delay}", GetType().Name, _reached, delay);
                await health.WaitBeforeRetryAsync(CheckpointName, delay, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
