namespace ClinicPortal.Application.Ports;

/// <summary>Signing staff in or not: the account side of deactivating or reactivating a member of staff.</summary>
public interface IStaffAccounts
{
    Task SetActiveAsync(Guid userId, bool active);
}
