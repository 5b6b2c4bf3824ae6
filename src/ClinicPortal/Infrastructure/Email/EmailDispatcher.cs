using System.Net.Mail;
using System.Net.Sockets;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Policies;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// Reads the log from its checkpoint and records the emails events call for (outbox row and checkpoint in one
/// transaction: nothing is lost or recorded twice), then sends what is due, one message at a time, marking each
/// sent after it went. While the SMTP server is down, messages wait and are retried with capped exponential
/// back-off; a crash between sending and marking repeats at most that one message.
/// </summary>
public sealed class EmailDispatcher(
    IEventStore store, Checkpoints checkpoints, EmailOutbox outbox, NoticeComposer composer, IEmailSender sender,
    TimeProvider time, IOptions<EmailOptions> options, EventLogSignal signal, ILogger<EmailDispatcher> logger) : BackgroundService
{
    public const string CheckpointName = "email-outbox";
    private const int BatchSize = 200;

    /// <summary>Records the messages of every event after the checkpoint; returns how many events it read.</summary>
    public async Task<int> RecordNewAsync(CancellationToken ct = default)
    {
        var position = await checkpoints.GetAsync(CheckpointName, ct);
        var read = 0;
        while (true)
        {
            var batch = await store.ReadAfterAsync(position, BatchSize, ct);
            if (batch.Count == 0)
                return read;
            var messages = new List<OutboxMessage>();
            foreach (var stored in batch)
                messages.AddRange(await composer.ComposeAsync(stored, ct));
            position = batch[^1].Position;
            await outbox.RecordAsync(messages, CheckpointName, position, time.GetUtcNow(), ct);
            read += batch.Count;
        }
    }

    /// <summary>Sends every message that is due; returns how many went.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct = default)
    {
        var sent = 0;
        foreach (var (id, attempts, email) in await outbox.DueAsync(time.GetUtcNow(), 50, ct))
        {
            try
            {
                await sender.SendAsync(email, ct);
                await outbox.MarkSentAsync(id, time.GetUtcNow(), ct);
                sent++;
            }
            catch (Exception exception) when (IsPermanent(exception))
            {
                logger.LogError(exception, "Email {OutboxId} to {Recipient} cannot be delivered", id, email.To);
                await outbox.MarkFailedAsync(id, exception.Message, ct);
            }
            catch (Exception exception) when (exception is SmtpException or IOException or SocketException or InvalidOperationException)
            {
                var delay = RetryDelay(attempts + 1, options.Value.MaxRetryDelay);
                logger.LogWarning("Email {OutboxId} not sent ({Error}); next attempt in {Delay}", id, exception.Message, delay);
                await outbox.MarkRetryAsync(id, exception.Message, time.GetUtcNow() + delay, ct);
                break; // the server is probably down: leave the rest for the next attempt
            }
        }
        return sent;
    }

    /// <summary>1 s, 2 s, 4 s, … doubling per attempt, never more than <paramref name="cap"/>.</summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan cap) =>
        TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(attempt - 1, 30))));

    private static bool IsPermanent(Exception exception) =>
        exception is FormatException or SmtpFailedRecipientException { StatusCode: SmtpStatusCode.MailboxUnavailable or SmtpStatusCode.MailboxNameNotAllowed };

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RecordNewAsync(stoppingToken);
                await SendDueAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(1), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The email dispatcher failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
