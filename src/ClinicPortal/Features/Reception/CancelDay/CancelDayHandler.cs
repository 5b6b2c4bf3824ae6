using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Reception.CancelDay;

public sealed class CancelDayHandler(CommandExecutor executor, PracticeClock clock)
{
    public async Task<Checked<DayCancelled>> HandleAsync(Guid doctorId, DateOnly date, string reason, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.CancelDay(doctorId, date, reason, by, now);
        var decision = await executor.ExecuteAsync<CancelDayDecider, Domain.Scheduling.CancelDay, DoctorDay>(command, Handling.By(by, now), ct);
        return decision.IsAccepted ? (DayCancelled)decision.Value!.Single() : decision.Rejection!.Value;
    }
}
