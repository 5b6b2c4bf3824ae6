using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Conflicts;

namespace ClinicPortal.Features.Admin.Staff;

/// <summary>
/// The owner deactivates or reactivates a member of staff. For a clinician the log records it first
/// (<see cref="ClinicianDeactivated"/>), so that their appointments to come go on the conflicts desk; then the account
/// follows (signing in refused, sessions ended). A retry after a failure in between logs nothing twice.
/// </summary>
public sealed class SetStaffActiveHandler(CommandExecutor executor, IStaffAccounts staff, IAccounts people, IPracticeClock clock)
{
    public async Task<Checked<bool>> HandleAsync(Guid userId, bool active, Actor by, CancellationToken ct = default)
    {
        if (by.Role != Role.Admin)
            return Rejection.NotAllowed;
        if ((await people.KindsAsync(ct))(userId) is not null)
        {
            var logged = await executor.ExecuteAsync(
                new SetClinicianActive(userId, active, by, clock.Now), ct);
            if (!logged.IsAccepted)
                return logged.Rejection!.Value;
        }
        await staff.SetActiveAsync(userId, active);
        return active;
    }
}
