namespace ClinicPortal.Application.Queries;

/// <summary>The waiting list as the pages and its reaction ask for it.</summary>
public interface IWaitlistQueries
{
    Task<IReadOnlyList<WaitView>> WaitingOnAsync(DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<WaitView>> OpenOfPatientAsync(Guid patientId, DateOnly today, CancellationToken ct = default);
    Task<IReadOnlyList<WaitView>> OpenAsync(DateOnly today, CancellationToken ct = default);
    Task<WaitView?> FindAsync(Guid waitId, CancellationToken ct = default);
}
