namespace ClinicPortal.Application;

/// <summary>
/// Who runs a reaction (quota, email, holds, reminders, conflicts): with several app instances on one database each
/// reaction must run in one of them at a time. A reaction acts only while it holds its lease, and stops when the lease
/// is lost; another instance then takes it over.
/// </summary>
public interface IReactionLeases
{
    /// <summary>Waits until this instance leads <paramref name="reaction"/>; dispose the lease to hand it on.</summary>
    Task<IReactionLease> AcquireAsync(string reaction, CancellationToken cancellationToken);
}

/// <summary>A held lease: <see cref="Lost"/> is cancelled if it ends without being handed on (the database connection died).</summary>
public interface IReactionLease : IAsyncDisposable
{
    CancellationToken Lost { get; }

    /// <summary>
    /// Asks, now, whether the lease is still held (cancelling <see cref="Lost"/> when it is not): a reaction asks before
    /// each batch it acts on, so that a leader whose lease has gone acts on nothing another instance may also act on.
    /// </summary>
    Task<bool> StillHeldAsync(CancellationToken cancellationToken);
}

public static class ReactionLeadership
{
    /// <summary>
    /// Runs <paramref name="lead"/> while this instance holds <paramref name="reaction"/>'s lease. If the lease is lost,
    /// <paramref name="lead"/>'s token is cancelled and, once it has stopped, the lease is waited for again; it returns
    /// when <paramref name="stoppingToken"/> is cancelled. With one instance the lease is held from the start and never lost.
    /// </summary>
    public static async Task LeadAsync(
        this IReactionLeases leases, string reaction, Func<IReactionLease, CancellationToken, Task> lead, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            IReactionLease lease;
            try
            {
                lease = await leases.AcquireAsync(reaction, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            await using (lease)
            {
                using var leading = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken, lease.Lost);
                try
                {
                    await lead(lease, leading.Token);
                }
                catch (OperationCanceledException) when (leading.IsCancellationRequested)
                {
                    // Stopping, or the lease was lost: another instance leads now.
                }
            }
        }
    }
}

/// <summary>One process on one SQLite file leads every reaction.</summary>
public sealed class SingleInstanceLeases : IReactionLeases
{
    public Task<IReactionLease> AcquireAsync(string reaction, CancellationToken cancellationToken) => Task.FromResult<IReactionLease>(Held.Instance);

    private sealed class Held : IReactionLease
    {
        public static readonly Held Instance = new();

        public CancellationToken Lost => CancellationToken.None;

        public Task<bool> StillHeldAsync(CancellationToken cancellationToken) => Task.FromResult(true);

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
