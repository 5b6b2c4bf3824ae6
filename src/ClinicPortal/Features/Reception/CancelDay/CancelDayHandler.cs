using ClinicPortal.Domain;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;

namespace ClinicPortal.Features.Reception.CancelDay;

public sealed class CancelDayHandler(CommandExecutor executor, IPracticeClock clock)
{
    public async Task<Checked<DayCancelled>> HandleAsync(Guid clinicianId, DateOnly date, string reason, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.CancelDay(clinicianId, date, reason, by, now);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
