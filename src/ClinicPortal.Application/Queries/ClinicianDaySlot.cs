using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Application.Queries;

/// <summary>
/// A slot of a clinician's day: the booking holding it (the first booked), and <paramref name="AlsoHeldBy"/> the bookings
/// staff booked over it with a reason, if any. <paramref name="HeldUntil"/>: a patient holds it while they confirm, until then.
/// </summary>
public sealed record ClinicianDaySlot(
    Guid SlotId, DateTimeOffset StartUtc, Guid? AppointmentId, Guid? PatientId, string? VisitOutcome, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null,
    Guid? RoomId = null, IReadOnlyList<Guid>? AlsoHeldBy = null, DateTimeOffset? HeldUntil = null)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;
    public bool IsBooked => AppointmentId is not null;

    /// <summary>Whether a patient's hold keeps it from others at <paramref name="now"/>.</summary>
    public bool HeldAt(DateTimeOffset now) => !IsBooked && HeldUntil > now;

    /// <summary>Every booking holding it, the one the slot shows first.</summary>
    public System.Collections.Immutable.ImmutableList<Guid> Holders =>
        AppointmentId is { } first ? [first, .. AlsoHeldBy ?? []] : [];
}
