using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;

namespace ClinicPortal.Features.Scheduling.ScheduleDay;

public sealed class ScheduleDayHandler(CommandExecutor executor, IPracticeClock clock)
{
    public async Task<Checked<DayScheduled>> HandleAsync(
        Guid clinicianId, DateOnly date, IReadOnlyList<BlockOfTime> blocks, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.ScheduleDay(clinicianId, date, blocks, clock.Zone, Guid.CreateVersion7, by, now);
        var result = await executor.ExecuteAsync(command, ct);
        if (!result.IsAccepted)
            return result.Rejection!.Value;
        // Open time and kept time are logged apart; the caller is told of every new slot of the day at once.
        var events = result.Value!;
        return events.Count == 1 ? events[0] : new DayScheduled(clinicianId, date, events.SelectMany(e => e.Slots).OrderBy(s => s.StartUtc).ToArray());
    }
}
