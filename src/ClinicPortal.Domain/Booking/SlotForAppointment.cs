using System.Collections.Immutable;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// A slot as a booking decision sees it: <paramref name="Holders"/> are the bookings holding it (more than one when staff
/// booked over the clinician's clash with a reason).
/// </summary>
public sealed record SlotForAppointment(
    Guid SlotId, Guid ClinicianId, DateOnly Date, DateTimeOffset StartUtc, bool Gone, bool DayCancelled, ImmutableList<Guid> Holders,
    bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null, Guid? RoomId = null, Guid? HoldId = null, DateTimeOffset HeldUntil = default)
{
    /// <summary>Whether a hold other than <paramref name="own"/> keeps it at <paramref name="now"/> (a hold past its time keeps nothing, logged expired or not yet).</summary>
    public bool HeldAt(DateTimeOffset now, Guid? own) => HoldId is { } hold && hold != own && now < HeldUntil;

    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;

    /// <summary>Whether a booking other than <paramref name="booking"/> holds the slot.</summary>
    public bool HeldByOtherThan(Guid? booking) => Holders.Any(holder => holder != booking);

    public SlotForAppointment HeldBy(Guid booking) => Holders.Contains(booking) ? this : this with { Holders = Holders.Add(booking) };

    public SlotForAppointment FreedOf(Guid booking) => this with { Holders = Holders.Remove(booking) };

    /// <summary>Whether this slot may be part of a booking of <paramref name="visitType"/> by <paramref name="by"/>.</summary>
    public bool Allows(Guid visitType, Actor by) => VisitType.SlotOpenTo(visitType, by.Role == Role.Patient, StaffOnly, OnlyFor);
}
