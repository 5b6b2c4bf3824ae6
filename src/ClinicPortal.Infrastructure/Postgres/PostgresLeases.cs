using ClinicPortal.Application;
using Npgsql;

namespace ClinicPortal.Infrastructure.Postgres;

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

        private readonly SemaphoreSlim _pinging = new(1);
        private ILogger? _logger;
        private string _reaction = "";

        public CancellationToken Lost => _lost.Token;

        public async Task<bool> StillHeldAsync(CancellationToken cancellationToken)
        {
            if (_lost.IsCancellationRequested)
                return false;
            await _pinging.WaitAsync(cancellationToken);
            try
            {
                await using var ping = new NpgsqlCommand("SELECT 1;", _session);
                await ping.ExecuteScalarAsync(cancellationToken);
                return true;
            }
            catch (Exception exception) when (exception is NpgsqlException or InvalidOperationException or System.IO.IOException)
            {
                // The session, and with it the lock, is gone: another instance may lead already.
                _logger?.LogWarning(exception, "The lease of {Reaction} was lost with its connection", _reaction);
                _lost.Cancel(); // at once, with the leading tokens linked to it, before the caller acts
                return false;
            }
            finally
            {
                _pinging.Release();
            }
        }

        private async Task WatchAsync(string reaction, ILogger logger)
        {
            (_logger, _reaction) = (logger, reaction);
            try
            {
                while (!_stop.IsCancellationRequested && await StillHeldAsync(_stop.Token))
                    await Task.Delay(RetryInterval, _stop.Token);
            }
            catch (OperationCanceledException) when (_stop.IsCancellationRequested)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _watch;
            await _session.DisposeAsync(); // the session ends: the server releases the lock
            _lost.Dispose();
            _stop.Dispose();
            _pinging.Dispose();
        }
    }
}
