namespace ClinicPortal.Application;

/// <summary>
/// Who runs a reaction (quota, email, holds, reminders, conflicts): with several app instances on one database each
/// reaction must run in one of them at a time. A reaction acts only while it holds its lease, and stops when the lease
/// is lost; another instance then takes it over.
/// </summary>
public interface IReactionLeases
{
    /// <summary>Waits until this instance leads <paramref name="reaction"/>; dispose the lease to hand it on.</summary>
    Task<IReactionLease> AcquireAsync(string reaction, CancellationToken cancellationToken);
}
