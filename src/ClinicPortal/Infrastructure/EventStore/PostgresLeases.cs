using ClinicPortal.Application;
using Npgsql;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>
/// Leader leases on PostgreSQL: a reaction's lease is a session advisory lock, held on a connection of its own. If
/// the instance dies (even by SIGKILL) its connection closes and the server releases the lock at once; a connection
/// lost silently is found by TCP keepalives. Each waiting instance tries again every <see cref="RetryInterval"/>, so
/// another takes over within that, and the leader checks its connection as often, stopping work the moment it fails.
/// </summary>
public sealed class PostgresLeases(PostgresConnectionString connection, ILogger<PostgresLeases> logger) : IReactionLeases
{
    public static readonly TimeSpan RetryInterval = TimeSpan.FromSeconds(2);

    public async Task<IReactionLease> AcquireAsync(string reaction, CancellationToken cancellationToken)
    {
        while (true)
        {
            var session = new NpgsqlConnection(connection.Unpooled);
            try
            {
                await session.OpenAsync(cancellationToken);
                await using var command = new NpgsqlCommand("SELECT pg_try_advisory_lock(@class, hashtext(@name));", session);
                command.Parameters.AddWithValue("class", PostgresLogSchema.LeaseLockClass);
                command.Parameters.AddWithValue("name", reaction);
                if ((bool)(await command.ExecuteScalarAsync(cancellationToken))!)
                {
                    logger.LogInformation("This instance now leads {Reaction}", reaction);
                    return new Lease(session, reaction, logger);
                }
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Asking for the lease of {Reaction} failed", reaction);
            }
            await session.DisposeAsync();
            await Task.Delay(RetryInterval, cancellationToken);
        }
    }

    private sealed class Lease : IReactionLease
    {
        private readonly NpgsqlConnection _session;
        private readonly CancellationTokenSource _lost = new();
        private readonly CancellationTokenSource _stop = new();
        private readonly Task _watch;

        public Lease(NpgsqlConnection session, string reaction, ILogger logger)
        {
            _session = session;
            _watch = WatchAsync(reaction, logger);
        }

        public CancellationToken Lost => _lost.Token;

        private async Task WatchAsync(string reaction, ILogger logger)
        {
            try
            {
                while (!_stop.IsCancellationRequested)
                {
                    await Task.Delay(RetryInterval, _stop.Token);
                    await using var ping = new NpgsqlCommand("SELECT 1;", _session);
                    await ping.ExecuteScalarAsync(_stop.Token);
                }
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "The lease of {Reaction} was lost with its connection", reaction);
                await _lost.CancelAsync();
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _watch;
            await _session.DisposeAsync(); // the session ends: the server releases the lock
            _lost.Dispose();
            _stop.Dispose();
        }
    }
}
