namespace ClinicPortal.Application.Ports;

/// <summary>
/// Free text about a patient as people wrote it (<see cref="Domain.EventStore.PersonalText"/>), from the sealed form the log
/// and the read models keep: what the queries give to pages and answers.
/// </summary>
public interface IPersonalText
{
    /// <summary>
    /// The text as written: <c>"erased"</c> once the patient has been erased (their key is gone), and text logged before
    /// sealing (or not sealed) as it is.
    /// </summary>
    ValueTask<string?> OpenAsync(string? stored, CancellationToken ct = default);

    /// <summary>The event with its texts about the patient opened.</summary>
    ValueTask<Domain.IClinicEvent> OpenAsync(Domain.IClinicEvent @event, CancellationToken ct = default);
}
