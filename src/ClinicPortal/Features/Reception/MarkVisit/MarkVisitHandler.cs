using ClinicPortal.Domain;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;

namespace ClinicPortal.Features.Reception.MarkVisit;

public sealed class MarkVisitHandler(CommandExecutor executor, IPracticeClock clock)
{
    public async Task<Checked<VisitOutcome>> HandleAsync(Guid bookingId, VisitOutcome outcome, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Booking.MarkVisit(bookingId, outcome, by, now);
        var decision = await executor.ExecuteAsync(command, ct);
        // Marking what is already marked appends nothing and is still the outcome asked for.
        return decision.IsAccepted ? outcome : decision.Rejection!.Value;
    }
}
