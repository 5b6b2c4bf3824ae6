namespace ClinicPortal.Domain;

/// <summary>
/// One clinician's part of an appointment of several (a Diabetes review's nurse, its doctor): their kind and their own
/// run of slots. An appointment of one clinician has no parts in the log: its clinician and slots are the whole of it.
/// </summary>
public sealed record BookedPart(ClinicianKind Kind, Guid ClinicianId, IReadOnlyList<Guid> SlotIds);
