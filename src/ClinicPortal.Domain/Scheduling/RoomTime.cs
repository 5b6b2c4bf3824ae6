namespace ClinicPortal.Domain.Scheduling;

/// <summary>A slot's time in a room, whoever's day it belongs to.</summary>
public sealed record RoomTime(Guid RoomId, Guid ClinicianId, DateTimeOffset StartUtc)
{
    /// <summary>Whether this slot's time in the room meets the span from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) => StartUtc < end && start < StartUtc + SlotBlock.SlotLength;
}
