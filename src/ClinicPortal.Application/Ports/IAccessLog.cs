namespace ClinicPortal.Application.Ports;

/// <summary>
/// Who looked at a patient's details, when and at what: recorded as a page opens (never waiting for the database, so
/// never slowing the page), kept for the owner to see on the patient's page and for the patient in their data.
/// </summary>
public interface IAccessLog
{
    /// <summary>Notes that <paramref name="viewer"/> opened <paramref name="what"/> of the patient's, now; returns at once.</summary>
    void Record(Guid patientId, Domain.Actor viewer, string what);

    /// <summary>The patient's accesses, latest first.</summary>
    Task<IReadOnlyList<Access>> OfAsync(Guid patientId, int limit, CancellationToken ct = default);
}

/// <summary>One look at a patient's details: by whom (their id), when, and at what.</summary>
public sealed record Access(Guid ViewerId, DateTimeOffset At, string What);
