using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Reception.MarkVisit;

public sealed class MarkVisitHandler(CommandExecutor executor, PracticeClock clock)
{
    public async Task<Checked<VisitOutcome>> HandleAsync(Guid bookingId, VisitOutcome outcome, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Booking.MarkVisit(bookingId, outcome, by, now);
        var decision = await executor.ExecuteAsync<MarkVisitDecider, Domain.Booking.MarkVisit, BookingState>(command, Handling.By(by, now), ct);
        return decision.IsAccepted ? outcome : decision.Rejection!.Value;
    }
}
