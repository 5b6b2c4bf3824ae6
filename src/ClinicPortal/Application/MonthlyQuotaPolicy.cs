using ClinicPortal.Domain;
using ClinicPortal.Domain.Policies;

namespace ClinicPortal.Application;

/// <summary>
/// Applies the monthly quota (rule 7) after each booking: for every patient who booked, runs the
/// <see cref="MonthlyQuotaDecider"/> over their bookings, which cancels what takes them over in one conditional
/// append. It judges the patient's bookings as they stand, so doing a stretch of the log twice (a crash before the
/// checkpoint was saved) changes nothing.
/// </summary>
public sealed class MonthlyQuotaPolicy(
    IEventStore store, CommandExecutor executor, TimeProvider time, ICheckpoints checkpoints, EventLogSignal signal, ReactionHealth health, ILogger<MonthlyQuotaPolicy> logger)
    : LogReactor(store, checkpoints, signal, health, logger)
{
    public const string Name = "monthly-quota";

    protected override string CheckpointName => Name;

    protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        foreach (var patientId in batch.Select(e => e.Event).OfType<SlotsBooked>().Select(e => e.PatientId).Distinct())
            await ApplyToPatientAsync(patientId, ct);
        await Checkpoints.SaveAsync(Name, batch[^1].Position, ct);
    }

    /// <summary>Brings one patient within the limit; returns the bookings it cancelled.</summary>
    public async Task<IReadOnlyList<BookingCancelled>> ApplyToPatientAsync(Guid patientId, CancellationToken ct = default)
    {
        var decision = await executor.ExecuteAsync<MonthlyQuotaDecider, ApplyMonthlyQuota, PatientBookings, BookingCancelled>(
            ApplyMonthlyQuota.For(patientId, time.GetUtcNow()), ct);
        // Only a conflict that lasted every attempt refuses; the reaction fails and the batch is tried again.
        if (!decision.IsAccepted)
            throw new InvalidOperationException($"The monthly quota for patient {patientId} could not be applied: {decision.Rejection}.");
        foreach (var cancelled in decision.Value!)
            logger.LogInformation("Cancelled booking {BookingId} of patient {PatientId}: over the monthly quota", cancelled.BookingId, patientId);
        return decision.Value;
    }
}
