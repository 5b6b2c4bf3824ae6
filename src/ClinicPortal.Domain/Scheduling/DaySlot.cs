using System.Collections.Immutable;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// A slot of a clinician's day, the bookings holding it (one, or more when staff booked over the clinician's clash with a
/// reason; the first is the one booked first), and the room it is in, if any.
/// </summary>
public sealed record DaySlot(Guid SlotId, DateTimeOffset StartUtc, ImmutableList<Guid> Holders, Guid? RoomId = null, Guid? HoldId = null, DateTimeOffset HeldUntil = default)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;

    public bool IsBooked => Holders.Count > 0;

    /// <summary>Whether a patient's hold keeps it at <paramref name="now"/> while they confirm.</summary>
    public bool HeldAt(DateTimeOffset now) => HoldId is not null && now < HeldUntil;
}
