using ClinicPortal.Domain;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Application;

/// <summary>
/// Applies the monthly quota (rule 7) after each booking: for every patient who booked, runs the
/// <see cref="MonthlyQuotaDecider"/> over their bookings, which cancels what takes them over in one conditional
/// append. It judges the patient's bookings as they stand, so doing a stretch of the log twice (a crash before the
/// checkpoint was saved) changes nothing.
/// </summary>
public sealed class MonthlyQuotaPolicy(
    IEventStore store, CommandExecutor executor, TimeProvider time, ICheckpoints checkpoints, EventLogSignal signal, ReactionHealth health, IReactionLeases leases, ILogger<MonthlyQuotaPolicy> logger)
    : LogReactor(store, checkpoints, signal, health, leases, logger)
{
    public const string Name = "monthly-quota";

    protected override string CheckpointName => Name;

    protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        // Each patient and month a booking touched, reading only that month of the patient's bookings.
        foreach (var booked in batch.Select(e => e.Event).OfType<SlotsBooked>().DistinctBy(e => (e.PatientId, PracticeTime.MonthOf(e.Date))))
            await ApplyToPatientAsync(booked.PatientId, ct, inMonthOf: booked.Date);
        await Checkpoints.SaveAsync(Name, batch[^1].Position, ct);
    }

    /// <summary>Brings one patient within the limit (in one month, or in all); returns the bookings it cancelled.</summary>
    public async Task<IReadOnlyList<AppointmentCancelled>> ApplyToPatientAsync(Guid patientId, CancellationToken ct = default, DateOnly? inMonthOf = null)
    {
        var decision = await executor.ExecuteAsync(
            ApplyMonthlyQuota.For(patientId, time.GetUtcNow(), inMonthOf), ct);
        // Only a conflict that lasted every attempt refuses; the reaction fails and the batch is tried again.
        if (!decision.IsAccepted)
            throw new InvalidOperationException($"The monthly quota for patient {patientId} could not be applied: {decision.Rejection}.");
        foreach (var cancelled in decision.Value!)
            logger.LogInformation("Cancelled booking {BookingId} of patient {PatientId}: over the monthly quota", cancelled.AppointmentId, patientId);
        return decision.Value;
    }
}
