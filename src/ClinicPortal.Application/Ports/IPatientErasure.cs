namespace ClinicPortal.Application.Ports;

/// <summary>What erasing a patient removes beside the log: their key, their account's personal fields, their emails.</summary>
public interface IPatientErasure
{
    /// <summary>Whether emails to this address are still waiting to go (erasure waits for them).</summary>
    Task<bool> HasEmailsWaitingAsync(string? email, CancellationToken ct = default);

    /// <summary>
    /// Removes the patient's personal data; <paramref name="traces"/> are the words to find in the emails kept. What is
    /// deleted may linger in free pages of the database until <see cref="CompactAsync"/>.
    /// </summary>
    Task EraseAsync(Guid patientId, IReadOnlyCollection<string> traces, CancellationToken ct = default);

    /// <summary>Rewrites the database so that nothing deleted stays in its free pages or write-ahead log (SQLite).</summary>
    Task CompactAsync(CancellationToken ct = default);

    /// <summary>
    /// The patients (not erased) with no appointment to come and no place on the waiting list whose last appointment
    /// ended, or who registered (when they never booked), before <paramref name="keptSince"/>: those the practice's
    /// retention setting says it no longer keeps. Oldest first.
    /// </summary>
    Task<IReadOnlyList<PatientPastKeeping>> PastKeepingAsync(DateTimeOffset keptSince, DateTimeOffset now, DateOnly today, CancellationToken ct = default);
}

/// <summary>
/// A patient past the practice's keeping: since when they have had nothing with the practice (their last appointment's
/// end, or their registration), whether they ever had an appointment, and whose account books for them (null: their own).
/// </summary>
public sealed record PatientPastKeeping(Guid Id, string Name, DateTimeOffset LastSeen, bool EverBooked, Guid? GuardianId, string? GuardianName);
