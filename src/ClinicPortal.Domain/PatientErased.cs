namespace ClinicPortal.Domain;

/// <summary>
/// The practice owner erased a patient (<paramref name="By"/>, when the event was logged): their key, and with it every
/// text written about them, is gone, and their account's personal fields with it. Their appointments' events stay, so
/// the schedule, the figures and other patients' history are as they were.
/// </summary>
public sealed record PatientErased(Guid PatientId, string By) : IClinicEvent;
