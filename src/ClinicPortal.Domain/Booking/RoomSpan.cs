namespace ClinicPortal.Domain.Booking;

/// <summary>The span of a room an appointment holds: from its first part's start to its last part's end.</summary>
public sealed record RoomSpan(Guid RoomId, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public bool Overlaps(Guid roomId, DateTimeOffset start, DateTimeOffset end) => RoomId == roomId && StartUtc < end && start < EndUtc;

    /// <summary>The room time of an appointment in <paramref name="roomId"/> (none: null) over these slots.</summary>
    public static RoomSpan? Of(Guid? roomId, IReadOnlyList<ScheduledSlot> slots) =>
        roomId is { } room && slots.Count > 0 ? new(room, slots.Min(s => s.StartUtc), slots.Max(s => s.EndUtc)) : null;
}
