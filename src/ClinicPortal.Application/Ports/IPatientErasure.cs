namespace ClinicPortal.Application.Ports;

/// <summary>What erasing a patient removes beside the log: their key, their account's personal fields, their emails.</summary>
public interface IPatientErasure
{
    /// <summary>Whether emails to this address are still waiting to go (erasure waits for them).</summary>
    Task<bool> HasEmailsWaitingAsync(string? email, CancellationToken ct = default);

    /// <summary>Removes the patient's personal data; <paramref name="traces"/> are the words to find in the emails kept.</summary>
    Task EraseAsync(Guid patientId, IReadOnlyCollection<string> traces, CancellationToken ct = default);
}
