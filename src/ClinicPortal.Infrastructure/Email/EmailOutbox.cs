using System.Text.Json;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Email;

/// <summary>
/// The email outbox (in clinic.db, or the PostgreSQL database). Messages are recorded (with the dispatcher's checkpoint, in one transaction)
/// before anything is sent, sent one at a time, and marked sent afterwards.
/// </summary>
public sealed class EmailOutbox(ClinicDatabase database) : Application.Ports.ISentEmails
{
    /// <summary>The emails to an address, oldest first.</summary>
    public async Task<IReadOnlyList<Application.Ports.SentEmail>> ToAsync(string address, CancellationToken ct = default) =>
        string.IsNullOrEmpty(address) ? []
            : (await database.RowsAsync<SentRow>("SELECT subject, status, created_at, sent_at FROM outbox WHERE recipient = @to ORDER BY id;", ct, ("@to", address)))
            .Select(row => new Application.Ports.SentEmail(DateTimeOffset.FromUnixTimeMilliseconds(row.CreatedAt), row.Subject, row.Status,
                row.SentAt is { } sent ? DateTimeOffset.FromUnixTimeMilliseconds(sent) : null)).ToArray();

    private sealed record SentRow(string Subject, string Status, long CreatedAt, long? SentAt);

    private sealed record StoredAttachment(string FileName, string ContentType, string Content);

    private TaskCompletionSource _recorded = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when messages are next recorded in this process, or after <paramref name="timeout"/>.</summary>
    public async Task WaitForNewAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await Volatile.Read(ref _recorded).Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            // Look anyway: a retry has come due, or another instance recorded messages.
        }
    }

    /// <summary>Records what a reaction to the log sends, with its checkpoint, in one transaction.</summary>
    public Task RecordAsync(IReadOnlyList<OutboxMessage> messages, string checkpoint, long position, DateTimeOffset now, CancellationToken ct = default) =>
        RecordAsync(messages, (checkpoint, position), now, ct);

    /// <summary>Records one message that no event caused (an account's confirmation, reset or invitation link).</summary>
    public Task RecordAsync(OutboxMessage message, DateTimeOffset now, CancellationToken ct = default) =>
        RecordAsync([message], null, now, ct);

    private async Task RecordAsync(IReadOnlyList<OutboxMessage> messages, (string Name, long Position)? checkpoint, DateTimeOffset now, CancellationToken ct)
    {
        await using var transaction = await database.BeginAsync(ct);
        var session = transaction.Session;
        foreach (var message in messages)
        {
            var attachments = JsonSerializer.Serialize((message.Email.Attachments ?? [])
                .Select(a => new StoredAttachment(a.FileName, a.ContentType, Convert.ToBase64String(a.Content))));
            await session.ExecuteAsync(
                """
                INSERT INTO outbox (key, kind, recipient, subject, html, text, attachments, created_at, next_attempt_at)
                VALUES (@key, @kind, @to, @subject, @html, @text, @attachments, @now, @now)
                ON CONFLICT (key) DO NOTHING;
                """,
                ct, ("@key", message.Key), ("@kind", message.Kind), ("@to", message.Email.To), ("@subject", message.Email.Subject),
                ("@html", message.Email.HtmlBody), ("@text", message.Email.TextBody), ("@attachments", attachments), ("@now", now.ToUnixTimeMilliseconds()));
        }
        if (checkpoint is var (name, position))
            await session.ExecuteAsync(Checkpoints.UpsertSql, ct, ("@name", name), ("@position", position));
        await transaction.CommitAsync(ct);
        if (messages.Count > 0)
            Recorded();
    }

    private void Recorded() => Interlocked.Exchange(ref _recorded, new(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();

    /// <summary>Pending messages whose next attempt is due, oldest first.</summary>
    public async Task<IReadOnlyList<DueEmail>> DueAsync(DateTimeOffset now, int max, CancellationToken ct = default) =>
        (await database.RowsAsync<DueRow>(
            """
            SELECT id, attempts, recipient, subject, html, text, attachments, key FROM outbox
            WHERE status = 'pending' AND next_attempt_at <= @now ORDER BY id LIMIT @max;
            """,
            ct, ("@now", now.ToUnixTimeMilliseconds()), ("@max", max)))
        .Select(row => row.Due).ToArray();

    /// <summary>The start of every account email's kind ("account-reset", "account-confirm", …).</summary>
    public const string AccountKindPrefix = "account-";

    /// <summary>
    /// Records what came of a batch of attempts in one transaction (one fsync for the batch, not one per message).
    /// An account email's body carries a one-time link that works like a password: once sent, it is not kept in the
    /// database (or its backups).
    /// </summary>
    public async Task RecordOutcomesAsync(IReadOnlyCollection<SendOutcome> outcomes, DateTimeOffset now, CancellationToken ct = default)
    {
        if (outcomes.Count == 0)
            return;
        await using var transaction = await database.BeginAsync(ct);
        var session = transaction.Session;
        foreach (var outcome in outcomes)
        {
            await (outcome switch
            {
                SendOutcome.Sent => session.ExecuteAsync(
                    $"""
                    UPDATE outbox SET status = 'sent', attempts = attempts + 1, last_error = NULL, sent_at = @now,
                        html = CASE WHEN kind LIKE '{AccountKindPrefix}%' THEN '' ELSE html END,
                        text = CASE WHEN kind LIKE '{AccountKindPrefix}%' THEN '' ELSE text END
                    WHERE id = @id;
                    """,
                    ct, ("@id", outcome.Id), ("@now", now.ToUnixTimeMilliseconds())),
                SendOutcome.Retry retry => session.ExecuteAsync(
                    "UPDATE outbox SET attempts = attempts + 1, last_error = @error, next_attempt_at = @next WHERE id = @id;",
                    ct, ("@id", outcome.Id), ("@error", retry.Error), ("@next", retry.Next.ToUnixTimeMilliseconds())),
                SendOutcome.Failed failed => session.ExecuteAsync(
                    "UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = @error WHERE id = @id;",
                    ct, ("@id", outcome.Id), ("@error", failed.Error)),
                _ => throw new ArgumentOutOfRangeException(nameof(outcomes), outcome, "Not an outcome of sending."),
            });
        }
        await transaction.CommitAsync(ct);
    }

    /// <summary>The owner's "retry": a failed or waiting message is tried again at once.</summary>
    public async Task RetryNowAsync(long id, DateTimeOffset now, CancellationToken ct = default)
    {
        await database.ExecuteAsync("UPDATE outbox SET status = 'pending', next_attempt_at = @now WHERE id = @id AND status <> 'sent';",
            ct, ("@id", id), ("@now", now.ToUnixTimeMilliseconds()));
        Recorded();
    }

    /// <summary>When the earliest pending message is next to be tried; null when none is pending.</summary>
    public async Task<DateTimeOffset?> NextAttemptAsync(CancellationToken ct = default) =>
        await database.ScalarAsync("SELECT MIN(next_attempt_at) FROM outbox WHERE status = 'pending';", ct) is { } value and not DBNull
            ? DateTimeOffset.FromUnixTimeMilliseconds(Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture))
            : null;

    public async Task<IReadOnlyList<OutboxRow>> ListAsync(string? status, int limit, CancellationToken ct = default) =>
        (await database.RowsAsync<ListedRow>(
            $"""
            SELECT id, key, kind, recipient, subject, status, attempts, last_error, created_at, next_attempt_at, sent_at FROM outbox
            {(status is null ? "" : "WHERE status = @status")} ORDER BY id DESC LIMIT @limit;
            """,
            ct, status is null ? [("@limit", limit)] : [("@status", status), ("@limit", limit)]))
        .Select(row => row.View).ToArray();

    public async Task<Dictionary<string, int>> CountsAsync(CancellationToken ct = default)
    {
        var counts = new Dictionary<string, int> { [OutboxStatus.Pending] = 0, [OutboxStatus.Sent] = 0, [OutboxStatus.Failed] = 0 };
        foreach (var row in await database.RowsAsync<StatusCount>("SELECT status, count(*) AS count FROM outbox GROUP BY status;", ct))
            counts[row.Status] = row.Count;
        return counts;
    }

    /// <summary>When the oldest message still waiting was recorded (null when none waits): how far behind sending is.</summary>
    public async Task<DateTimeOffset?> OldestPendingAsync(CancellationToken ct = default) =>
        await database.ScalarAsync("SELECT min(created_at) FROM outbox WHERE status = 'pending';", ct) is long at
            ? DateTimeOffset.FromUnixTimeMilliseconds(at)
            : null;

    // The rows these queries read, by column name.

    private sealed class DueRow
    {
        public long Id { get; init; }
        public int Attempts { get; init; }
        public string Recipient { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Html { get; init; } = "";
        public string Text { get; init; } = "";
        public string Attachments { get; init; } = "[]";
        public string Key { get; init; } = "";

        public DueEmail Due => new(Id, Attempts, new EmailMessage(Recipient, Subject, Html, Text,
            JsonSerializer.Deserialize<StoredAttachment[]>(Attachments)!
                .Select(a => new EmailAttachment(a.FileName, a.ContentType, Convert.FromBase64String(a.Content))).ToArray(), Key));
    }

    private sealed class ListedRow
    {
        public long Id { get; init; }
        public string Key { get; init; } = "";
        public string Kind { get; init; } = "";
        public string Recipient { get; init; } = "";
        public string Subject { get; init; } = "";
        public string Status { get; init; } = "";
        public int Attempts { get; init; }
        public string? LastError { get; init; }
        public long CreatedAt { get; init; }
        public long NextAttemptAt { get; init; }
        public long? SentAt { get; init; }

        public OutboxRow View => new(Id, Key, Kind, Recipient, Subject, Status, Attempts, LastError, DateTimeOffset.FromUnixTimeMilliseconds(CreatedAt),
            DateTimeOffset.FromUnixTimeMilliseconds(NextAttemptAt), SentAt is { } sent ? DateTimeOffset.FromUnixTimeMilliseconds(sent) : null);
    }

    private sealed class StatusCount
    {
        public string Status { get; init; } = "";
        public int Count { get; init; }
    }
}
