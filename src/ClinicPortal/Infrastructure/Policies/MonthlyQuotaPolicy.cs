using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Features.Booking.CancelBooking;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Policies;

/// <summary>
/// Applies the monthly quota (rule 7) after each booking: for every patient who booked, cancels the bookings the
/// quota says must go. It judges the patient's bookings as they stand now, so doing a stretch of the log twice
/// (a crash before the checkpoint was saved) changes nothing.
/// </summary>
public sealed class MonthlyQuotaPolicy(
    IEventStore store, CancelBookingHandler cancel, Checkpoints checkpoints, EventLogSignal signal, ILogger<MonthlyQuotaPolicy> logger)
    : LogReactor(store, checkpoints, signal, logger)
{
    public const string Name = "monthly-quota";

    protected override string CheckpointName => Name;

    protected override async Task HandleAsync(IReadOnlyList<StoredEvent> batch, CancellationToken ct)
    {
        foreach (var patientId in batch.Select(e => e.Event).OfType<SlotsBooked>().Select(e => e.PatientId).Distinct())
            await ApplyToPatientAsync(patientId, ct);
        await Checkpoints.SaveAsync(Name, batch[^1].Position, ct);
    }

    private async Task ApplyToPatientAsync(Guid patientId, CancellationToken ct)
    {
        var stream = await Store.ReadAsync(PatientBookings.QueryFor(patientId), ct);
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
