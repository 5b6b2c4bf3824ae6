namespace ClinicPortal.Features.Conflicts;

/// <summary>Another clinician free for an appointment's (or one part's) whole time: their name and the slots it would then take.</summary>
public sealed record ReassignOption(Guid ClinicianId, string Name, IReadOnlyList<Guid> SlotIds);
