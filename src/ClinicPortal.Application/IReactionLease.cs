namespace ClinicPortal.Application;

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
