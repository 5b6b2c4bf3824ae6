using ClinicPortal.Application;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// Sends what the outbox holds as soon as it is recorded: the messages due, a batch at a time, several at once over the
/// sender's pool of connections; what came of each is written after the batch, in one transaction. While the SMTP
/// server is down, messages wait and are retried with capped exponential back-off. A crash between sending and marking
/// repeats at most one batch, and a repeat is harmless (the same Message-ID, the same pickup file).
/// </summary>
public sealed class EmailDispatcher(
    EmailOutbox outbox, IEmailSender sender, TimeProvider time, IOptions<EmailOptions> options, Application.IReactionLeases leases,
    EventLogSignal signal, ILogger<EmailDispatcher> logger)
    : BackgroundService
{
    private static readonly TimeSpan MinimumWait = TimeSpan.FromSeconds(1);

    /// <summary>Messages sent between two writes of their outcomes (and so the most a crash can repeat).</summary>
    private const int BatchSize = 100;

    /// <summary>Sends every message that is due, batch after batch; returns how many went.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        while (true)
        {
            var due = await outbox.DueAsync(time.GetUtcNow(), BatchSize, ct);
            if (due.Count == 0)
                return sent;
            var (went, serverDown) = await SendAsync(due, ct);
            sent += went;
            if (serverDown || due.Count < BatchSize)
                return sent;
        }
    }

    private async Task<(int Sent, bool ServerDown)> SendAsync(IReadOnlyList<DueEmail> due, CancellationToken ct)
    {
        var outcomes = new System.Collections.Concurrent.ConcurrentQueue<SendOutcome>();
        try
        {
            return await SendAsync(due, outcomes, ct);
        }
        finally
        {
            // Whatever was attempted is written, even when the batch stopped part way (shutdown, a server gone down).
            await outbox.RecordOutcomesAsync(outcomes, time.GetUtcNow(), CancellationToken.None);
        }
    }

    private async Task<(int Sent, bool ServerDown)> SendAsync(
        IReadOnlyList<DueEmail> due, System.Collections.Concurrent.ConcurrentQueue<SendOutcome> outcomes, CancellationToken ct)
    {
        var sent = 0;
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var serverDown = false;
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Smtp.Connections), CancellationToken = stop.Token };
        try
        {
            await Parallel.ForEachAsync(due, parallel, async (message, token) =>
            {
                var (outcome, serverFailed) = await SendOneAsync(message, token);
                outcomes.Enqueue(outcome);
                if (outcome is SendOutcome.Sent)
                    Interlocked.Increment(ref sent);
                if (serverFailed && !Volatile.Read(ref serverDown))
                {
                    Volatile.Write(ref serverDown, true);
                    await stop.CancelAsync(); // the server is down or not answering: leave the rest for the next attempt
                }
            });
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
        }
        return (sent, serverDown);
    }

    /// <summary>Sends one message: what came of it, and whether the server itself failed (down, not answering).</summary>
    private async Task<(SendOutcome Outcome, bool ServerFailed)> SendOneAsync(DueEmail message, CancellationToken ct)
    {
        try
        {
            await sender.SendAsync(message.Email, ct);
            return (new SendOutcome.Sent(message.Id), false);
        }
        catch (PermanentEmailFailure exception)
        {
            logger.LogError(exception, "Email {OutboxId} cannot be delivered", message.Id); // the outbox row names the recipient; the log does not
            return (new SendOutcome.Failed(message.Id, exception.Message), false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception exception)
        {
            var delay = RetryDelay(message.Attempts + 1, options.Value.MaxRetryDelay);
            var error = SmtpEmailSender.Describe(exception);
            logger.LogWarning("Email {OutboxId} not sent ({Error}); next attempt in {Delay}", message.Id, error, delay);
            // A server that is down or not answering stops the batch; a failure of this message alone (a 4xx for its
            // recipient, a message that cannot be written) leaves the others to go.
            return (new SendOutcome.Retry(message.Id, error, time.GetUtcNow() + delay),
                SmtpEmailSender.IsTransient(exception) && !SmtpEmailSender.IsAboutThisMessage(exception));
        }
    }

    /// <summary>The lease's name: with several instances on one database, one of them sends the outbox.</summary>
    public const string Name = "email";

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Application.ReactionLeadership.LeadAsync(leases, Name, SendWhileLeadingAsync, stoppingToken);

    private async Task SendWhileLeadingAsync(Application.IReactionLease lease, CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (!await lease.StillHeldAsync(stoppingToken))
                    return; // another instance sends the outbox now
                await SendDueAsync(stoppingToken);
                // Until a message is recorded here, the next retry comes due (a second at the least: messages a server
                // that went down left due are not hammered), or the log's safety poll (another instance's messages).
                var wait = await outbox.NextAttemptAsync(stoppingToken) is { } due && due - time.GetUtcNow() < signal.SafetyPoll
                    ? due - time.GetUtcNow()
                    : signal.SafetyPoll;
                await outbox.WaitForNewAsync(wait < MinimumWait ? MinimumWait : wait, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "Sending email failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    /// <summary>The wait before a message's next attempt: the shared back-off, capped at <c>Email:MaxRetryDelaySeconds</c>.</summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan cap) => Backoff.Before(attempt, cap);
}
