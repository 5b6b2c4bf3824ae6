namespace ClinicPortal.Features.Conflicts;

/// <summary>A room an appointment could be put in at its time: its name.</summary>
public sealed record RoomOption(Guid RoomId, string Name);
