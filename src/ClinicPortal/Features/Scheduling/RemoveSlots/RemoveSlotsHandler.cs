using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Shared;
using ClinicPortal.Infrastructure.Practice;

namespace ClinicPortal.Features.Scheduling.RemoveSlots;

public sealed class RemoveSlotsHandler(CommandExecutor executor, PracticeClock clock)
{
    public async Task<Checked<SlotsRemoved>> HandleAsync(
        Guid doctorId, DateOnly date, IReadOnlyList<Guid> slotIds, Actor by, CancellationToken ct = default)
    {
        var now = clock.Now;
        var command = new Domain.Scheduling.RemoveSlots(doctorId, date, slotIds, by, now);
        var decision = await executor.ExecuteAsync<RemoveSlotsDecider, Domain.Scheduling.RemoveSlots, DoctorDay>(command, Handling.By(by, now), ct);
        return decision.IsAccepted ? (SlotsRemoved)decision.Value!.Single() : decision.Rejection!.Value;
    }
}
