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

    /// <summary>
    /// <paramref name="by"/> with the dependants their patient's account books for (<see cref="Actor.Dependants"/>), as the
    /// accounts say now; anyone else as they are. Each handler of a patient's booking asks before deciding.
    /// </summary>
    Task<Actor> SpeakingAsync(Actor by, CancellationToken ct = default);

    /// <summary>Someone's name and contact details; null for an id with no account.</summary>
    Task<AccountContact?> ContactAsync(Guid id, CancellationToken ct = default);

    /// <summary>For a dependant, whose account books for them and when they were born; null for someone who is their own.</summary>
    Task<DependantLink?> DependantLinkAsync(Guid patientId, CancellationToken ct = default);
}
