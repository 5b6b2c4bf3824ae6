using ClinicPortal.Domain;

namespace ClinicPortal.Application.Ports;

/// <summary>What the accounts (kept beside the log, not in it) say of people, for the facts a command carries.</summary>
public interface IAccounts
{
    Task<AccountStanding> StandingAsync(Guid id, CancellationToken ct = default);

    /// <summary>Whether any of these people has an account that staff have deactivated (a clinician taking no new bookings).</summary>
    Task<bool> AnyDeactivatedAsync(IEnumerable<Guid> ids, CancellationToken ct = default);

    /// <summary>Each clinician's kind (none: not a clinician), for the decisions and offers of visit types given by a kind.</summary>
    Task<Func<Guid, ClinicianKind?>> KindsAsync(CancellationToken ct = default);
}
