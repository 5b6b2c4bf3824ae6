namespace ClinicPortal.Application;

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
