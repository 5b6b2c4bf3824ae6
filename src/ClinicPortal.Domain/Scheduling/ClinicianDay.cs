using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>
/// What scheduling decisions know of one clinician's day: its live slots, its live bookings (an appointment with others
/// whole: cancelling the day cancels it), and whether it was cancelled.
/// </summary>
public sealed record ClinicianDay(
    Guid ClinicianId,
    DateOnly Date,
    ImmutableSortedDictionary<Guid, DaySlot> Slots,
    ImmutableDictionary<Guid, CancelledAppointment> Appointments,
    bool Cancelled)
{
    public static Query QueryFor(Guid clinicianId, DateOnly date) => Query.Tagged(Tag.Day(clinicianId, date));

    public static ClinicianDay Empty(Guid clinicianId, DateOnly date) =>
        new(clinicianId, date, ImmutableSortedDictionary<Guid, DaySlot>.Empty, ImmutableDictionary<Guid, CancelledAppointment>.Empty, false);

    public ClinicianDay Evolve(IClinicEvent @event) => @event switch
    {
        DayScheduled e => this with { Slots = Slots.AddRange(e.Slots.Select(s => KeyValuePair.Create(s.SlotId, new DaySlot(s.SlotId, s.StartUtc, [], e.RoomId)))) },
        // A visit shared with others that lost this clinician's part is no longer on their day.
        SlotsRemoved e => this with { Slots = Slots.RemoveRange(e.SlotIds), Appointments = Appointments.RemoveRange((e.LostParts ?? []).Select(p => p.AppointmentId)) },
        SlotsBooked e => this with
        {
            Slots = e.HoldId is { } confirmed ? (this with { Slots = EndHold(e.Slots, confirmed) }).Hold(e.Slots, e.AppointmentId) : Hold(e.Slots, e.AppointmentId),
            Appointments = Appointments.SetItem(e.AppointmentId, new CancelledAppointment(e.AppointmentId, e.PatientId, e.Slots, e.Parts)),
        },
        AppointmentCancelled e => this with { Slots = Release(e.Slots, e.AppointmentId), Appointments = Appointments.Remove(e.AppointmentId) },
        HoldPlaced e => this with { Slots = Keep(e.Slots, e.HoldId, e.ExpiresAt) },
        HoldReleased e => this with { Slots = EndHold(e.Slots, e.HoldId) },
        HoldExpired e => this with { Slots = EndHold(e.Slots, e.HoldId) },
        AppointmentMoved e => Moved(e),
        // Another clinician's day fell, and with it an appointment this day had a part of: that part's slots are free.
        DayCancelled e when e.ClinicianId != ClinicianId => this with
        {
            Slots = e.CancelledAppointments.Aggregate(Slots, (slots, b) => (this with { Slots = slots }).Release(b.Slots, b.AppointmentId)),
            Appointments = Appointments.RemoveRange(e.CancelledAppointments.Select(b => b.AppointmentId)),
        },
        DayCancelled => this with
        {
            Slots = ImmutableSortedDictionary<Guid, DaySlot>.Empty,
            Appointments = ImmutableDictionary<Guid, CancelledAppointment>.Empty,
            Cancelled = true,
        },
        _ => this,
    };

    /// <summary>A booking moved out of this day, within it, or into it: its old slots free, its new ones held.</summary>
    private ClinicianDay Moved(AppointmentMoved e)
    {
        var freed = this with { Slots = Release(e.FromSlots, e.AppointmentId) };
        return freed with
        {
            Slots = freed.Hold(e.ToSlots, e.AppointmentId),
            Appointments = e.ToClinicians.Contains(ClinicianId) && e.ToDate == Date
                ? Appointments.SetItem(e.AppointmentId, new CancelledAppointment(e.AppointmentId, e.PatientId, e.ToSlots, e.ToParts))
                : Appointments.Remove(e.AppointmentId),
        };
    }

    /// <summary>The rooms the given slots are in, for the events that give their time back; null when none is.</summary>
    public IReadOnlyList<Guid>? RoomsOf(IEnumerable<Guid> slotIds)
    {
        var rooms = slotIds.Select(id => Slots.GetValueOrDefault(id)?.RoomId).OfType<Guid>().Distinct().ToArray();
        return rooms.Length == 0 ? null : rooms;
    }

    private ImmutableSortedDictionary<Guid, DaySlot> Keep(IEnumerable<ScheduledSlot> slots, Guid holdId, DateTimeOffset until) =>
        Change(slots, slot => slot with { HoldId = holdId, HeldUntil = until });

    private ImmutableSortedDictionary<Guid, DaySlot> EndHold(IEnumerable<ScheduledSlot> slots, Guid holdId) =>
        Change(slots, slot => slot.HoldId == holdId ? slot with { HoldId = null, HeldUntil = default } : slot);

    private ImmutableSortedDictionary<Guid, DaySlot> Hold(IEnumerable<ScheduledSlot> slots, Guid bookingId) =>
        Change(slots, slot => slot.Holders.Contains(bookingId) ? slot : slot with { Holders = slot.Holders.Add(bookingId) });

    private ImmutableSortedDictionary<Guid, DaySlot> Release(IEnumerable<ScheduledSlot> slots, Guid bookingId) =>
        Change(slots, slot => slot with { Holders = slot.Holders.Remove(bookingId) });

    /// <summary>The day's slots with <paramref name="change"/> made to those of <paramref name="slots"/> still on it.</summary>
    private ImmutableSortedDictionary<Guid, DaySlot> Change(IEnumerable<ScheduledSlot> slots, Func<DaySlot, DaySlot> change) =>
        slots.Aggregate(Slots, (all, slot) => all.TryGetValue(slot.SlotId, out var existing) ? all.SetItem(slot.SlotId, change(existing)) : all);
}
