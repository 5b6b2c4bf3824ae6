namespace ClinicPortal.Domain;

/// <summary>
/// The patient's time of an appointment: from its first slot's start to its last slot's end, whoever's the slots are.
/// Its slots are in the log ordered by start, every part's together.
/// </summary>
/// <summary>
/// Which clashes staff booked (or moved) an appointment over, with their reason: the clinician's other patient then (a
/// squeeze-in), the patient's other appointment then, another appointment in the room then. Logged with the reason as
/// <c>overrode</c>; a booking logged before it was names none (null), only its reason.
/// </summary>
[Flags]
public enum Clash
{
    None = 0,
    Clinician = 1,
    Patient = 2,
    Room = 4,
}
