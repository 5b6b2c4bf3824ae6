using System.Threading.Channels;
using ClinicPortal.Application;
using Npgsql;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>
/// Brings other instances' appends to this one: it LISTENs on the log's channel and raises the in-process
/// <see cref="EventLogSignal"/> for each append another instance committed, with its events' tags, so live pages and
/// reactions here wake as they do for a local append. A dropped connection is opened again; meanwhile the reactions
/// still poll the log each second.
/// </summary>
public sealed class PostgresLogListener(
    PostgresConnectionString connection, PostgresEventStore store, EventLogSignal signal, PostgresInstance instance, ILogger<PostgresLogListener> logger)
    : BackgroundService
{
    private static readonly TimeSpan Reconnect = TimeSpan.FromSeconds(1);

    /// <summary>How often followers of the log read it anyway, for appends a dropped connection missed.</summary>
    public static readonly TimeSpan SafetyPoll = TimeSpan.FromSeconds(1);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before appending elsewhere).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var appends = Channel.CreateUnbounded<(long First, long Last)>(new UnboundedChannelOptions { SingleReader = true });
        var pump = PumpAsync(appends.Reader, stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var listener = new NpgsqlConnection(connection.Unpooled);
                listener.Notification += (_, e) =>
                {
                    if (PostgresInstance.TryParse(e.Payload, out var writer, out var first, out var last) && writer != instance.Id)
                        appends.Writer.TryWrite((first, last));
                };
                await listener.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {PostgresLogSchema.Channel};", listener))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                _listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                    await listener.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception exception)
            {
                logger.LogWarning(exception, "Listening for other instances' appends failed; listening again in {Delay}", Reconnect);
                await Task.Delay(Reconnect, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
        appends.Writer.TryComplete();
        await pump;
    }

    private async Task PumpAsync(ChannelReader<(long First, long Last)> appends, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var (first, last) in appends.ReadAllAsync(stoppingToken))
            {
                try
                {
                    signal.Notify(new Appended(last, await store.TagsBetweenAsync(first, last, stoppingToken)));
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    logger.LogWarning(exception, "Reading the tags of another instance's append {First}-{Last} failed", first, last);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
