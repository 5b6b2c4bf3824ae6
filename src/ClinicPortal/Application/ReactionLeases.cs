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
}

/// <summary>One process on one SQLite file leads every reaction.</summary>
public sealed class SingleInstanceLeases : IReactionLeases
{
    public Task<IReactionLease> AcquireAsync(string reaction, CancellationToken cancellationToken) => Task.FromResult<IReactionLease>(Held.Instance);

    private sealed class Held : IReactionLease
    {
        public static readonly Held Instance = new();

        public CancellationToken Lost => CancellationToken.None;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
