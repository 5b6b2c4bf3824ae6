using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain;

/// <summary>A 10-minute slot: its id and the instant it starts.</summary>
public sealed record ScheduledSlot(Guid SlotId, DateTimeOffset StartUtc)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;
}
