using ClinicPortal.Domain;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;

namespace ClinicPortal.Features.Scheduling.RemoveSlots;

public sealed class RemoveSlotsHandler(CommandExecutor executor, IPracticeClock clock)
{
    public async Task<Checked<SlotsRemoved>> HandleAsync(
        Guid clinicianId, DateOnly date, IReadOnlyList<Guid> slotIds, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.RemoveSlots(clinicianId, date, slotIds, by, now);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
