using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Features.Booking.CancelBooking;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Policies;

/// <summary>
/// Applies the monthly quota (rule 7) after each booking: reads the log from its checkpoint and, for every
/// patient who booked, cancels the bookings the quota says must go. It judges the patient's bookings as they
/// stand now, so doing a stretch of the log twice (a crash before the checkpoint was saved) changes nothing.
/// </summary>
public sealed class MonthlyQuotaPolicy(IEventStore store, CancelBookingHandler cancel, Checkpoints checkpoints, ILogger<MonthlyQuotaPolicy> logger)
{
    public const string CheckpointName = "monthly-quota";
    private const int BatchSize = 500;

    /// <summary>Works through every event after the checkpoint; returns how many it read.</summary>
    public async Task<int> CatchUpAsync(CancellationToken ct = default)
    {
        var position = await checkpoints.GetAsync(CheckpointName, ct);
        var read = 0;
        while (true)
        {
            var batch = await store.ReadAfterAsync(position, BatchSize, ct);
            if (batch.Count == 0)
                return read;

            var patients = batch.Select(e => e.Event).OfType<SlotsBooked>().Select(e => e.PatientId).Distinct();
            foreach (var patientId in patients)
                await ApplyToPatientAsync(patientId, ct);

            position = batch[^1].Position;
            read += batch.Count;
            await checkpoints.SaveAsync(CheckpointName, position, ct);
        }
    }

    private async Task ApplyToPatientAsync(Guid patientId, CancellationToken ct)
    {
        var stream = await store.ReadAsync(PatientBookings.QueryFor(patientId), ct);
        foreach (var bookingId in MonthlyQuota.BookingsToCancel(PatientBookings.From(patientId, stream.Events)))
        {
            var result = await cancel.HandleAsync(bookingId, Actor.QuotaPolicy, CancellationReason.QuotaExceeded, ct);
            if (result.IsAccepted)
                logger.LogInformation("Cancelled booking {BookingId} of patient {PatientId}: over the monthly quota", bookingId, patientId);
            else if (result.Rejection != Rejection.BookingAlreadyCancelled)
                logger.LogWarning("Could not cancel booking {BookingId} over the quota: {Rejection}", bookingId, result.Rejection);
        }
    }
}

/// <summary>Runs the monthly quota policy in the background, woken by each append and by a slow poll.</summary>
public sealed class MonthlyQuotaService(MonthlyQuotaPolicy policy, EventLogSignal signal, ILogger<MonthlyQuotaService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await policy.CatchUpAsync(stoppingToken);
                await signal.WaitAsync(TimeSpan.FromSeconds(5), stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception exception)
            {
                logger.LogError(exception, "The monthly quota policy failed; trying again shortly");
                await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
