namespace ClinicPortal.Application;

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
