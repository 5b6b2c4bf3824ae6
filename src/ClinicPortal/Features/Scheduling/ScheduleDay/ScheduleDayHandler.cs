using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

public sealed class ScheduleDayHandler(CommandExecutor executor, PracticeClock clock)
{
    public async Task<Checked<DayScheduled>> HandleAsync(
        Guid doctorId, DateOnly date, IReadOnlyList<BlockOfTime> blocks, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.ScheduleDay(doctorId, date, blocks, clock.Zone, Guid.CreateVersion7, by, now);
        var decision = await executor.ExecuteAsync<ScheduleDayDecider, Domain.Scheduling.ScheduleDay, DoctorDay>(command, Handling.By(by, now), ct);
        return decision.IsAccepted ? (DayScheduled)decision.Value!.Single() : decision.Rejection!.Value;
    }
}
