namespace ClinicPortal.Application;

/// <summary>How far along the log each reaction has got, kept durably so that restarts resume there.</summary>
public interface ICheckpoints
{
    Task<long> GetAsync(string name, CancellationToken ct = default);
    Task SaveAsync(string name, long position, CancellationToken ct = default);
}
