using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Booking.CancelBooking;

public sealed class CancelBookingHandler(CommandExecutor executor, PracticeClock clock)
{
    /// <summary>A patient cancels for themselves; staff cancel for a patient; the quota policy names its own reason.</summary>
    public async Task<Checked<BookingCancelled>> HandleAsync(
        Guid bookingId, Actor by, CancellationReason? reason = null, CancellationToken ct = default)
    {
        var now = clock.Now;
        var why = reason ?? (by.Role == Role.Patient ? CancellationReason.Patient : CancellationReason.Staff);
        var command = new Domain.Booking.CancelBooking(bookingId, why, by, now);
        var decision = await executor.ExecuteAsync<CancelBookingDecider, Domain.Booking.CancelBooking, BookingState>(command, Handling.By(by, now), ct);
        return decision.IsAccepted ? (BookingCancelled)decision.Value!.Single() : decision.Rejection!.Value;
    }
}
