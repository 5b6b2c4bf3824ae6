namespace ClinicPortal.Domain.Privacy;

/// <summary>
/// Erase a patient: only the practice owner, and only once none of the patient's appointments is still to come (they are
/// cancelled first, and the patient told). Erasing one erased already changes nothing.
/// </summary>
public sealed record ErasePatient(Guid PatientId, Actor By, DateTimeOffset Now) : ICommand<ErasePatient, ErasePatientDecider, PatientRecord, PatientErased>;
