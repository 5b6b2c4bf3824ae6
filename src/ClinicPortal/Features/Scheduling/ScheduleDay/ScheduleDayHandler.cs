using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

public sealed class ScheduleDayHandler(CommandExecutor executor, PracticeClock clock)
{
    public async Task<Checked<DayScheduled>> HandleAsync(
        Guid doctorId, DateOnly date, IReadOnlyList<BlockOfTime> blocks, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.ScheduleDay(doctorId, date, blocks, clock.Zone, Guid.CreateVersion7, by, now);
        return (await executor.ExecuteAsync<ScheduleDayDecider, Domain.Scheduling.ScheduleDay, DoctorDay, DayScheduled>(command, ct)).Single();
    }
}
