using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Email;

namespace ClinicPortal.Features.Notifications;

/// <summary>
/// The reaction that tells patients what happened to their bookings: follows the log and records the emails events
/// call for in the outbox, with its checkpoint, in one transaction (nothing lost or recorded twice). Sending is the
/// <see cref="EmailDispatcher"/>'s job.
/// </summary>
public sealed class PatientNotices(
    IEventStore store, ICheckpoints checkpoints, EmailOutbox outbox, NoticeComposer composer, TimeProvider time,
    EventLogSignal signal, ReactionHealth health, IReactionLeases leases, ILogger<PatientNotices> logger)
    : LogReactor(store, checkpoints, signal, health, leases, logger)
{
    /// <summary>The checkpoint's name, kept from when one service both recorded and sent.</summary>
    public const string Name = "email-outbox";

    protected override string CheckpointName => Name;

    protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        var messages = new List<OutboxMessage>();
        foreach (var stored in batch)
            messages.AddRange(await composer.ComposeAsync(stored, ct));
        await outbox.RecordAsync(messages, Name, batch[^1].Position, time.GetUtcNow(), ct);
    }
}
