using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Policies;
using Microsoft.Extensions.Options;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// Follows the log and records the emails events call for (outbox rows and checkpoint in one transaction:
/// nothing is lost or recorded twice), then sends what is due, one message at a time, marking each sent after
/// it went. While the SMTP server is down, messages wait and are retried with capped exponential back-off;
/// a crash between sending and marking repeats at most that one message.
/// </summary>
public sealed class EmailDispatcher(
    IEventStore store, Checkpoints checkpoints, EmailOutbox outbox, NoticeComposer composer, IEmailSender sender,
    TimeProvider time, IOptions<EmailOptions> options, EventLogSignal signal, ILogger<EmailDispatcher> logger)
    : LogReactor(store, checkpoints, signal, logger)
{
    public const string Name = "email-outbox";

    protected override string CheckpointName => Name;

    protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        var messages = new List<OutboxMessage>();
        foreach (var stored in batch)
            messages.AddRange(await composer.ComposeAsync(stored, ct));
        await outbox.RecordAsync(messages, Name, batch[^1].Position, time.GetUtcNow(), ct);
    }

    protected override Task AfterCatchUpAsync(CancellationToken ct) => SendDueAsync(ct);

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
            catch (PermanentEmailFailure exception)
            {
                logger.LogError(exception, "Email {OutboxId} cannot be delivered", id); // the outbox row names the recipient; the log does not
                await outbox.MarkFailedAsync(id, exception.Message, ct);
            }
            catch (Exception exception) when (SmtpEmailSender.IsTransient(exception))
            {
                var delay = RetryDelay(attempts + 1, options.Value.MaxRetryDelay);
                var error = SmtpEmailSender.Describe(exception);
                logger.LogWarning("Email {OutboxId} not sent ({Error}); next attempt in {Delay}", id, error, delay);
                await outbox.MarkRetryAsync(id, error, time.GetUtcNow() + delay, ct);
                if (!SmtpEmailSender.IsAboutThisMessage(exception))
                    break; // the server is down or not answering: leave the rest for the next attempt
            }
        }
        return sent;
    }

    /// <summary>1 s, 2 s, 4 s, … doubling per attempt, never more than <paramref name="cap"/>.</summary>
    public static TimeSpan RetryDelay(int attempt, TimeSpan cap) =>
        TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(attempt - 1, 30))));
}
