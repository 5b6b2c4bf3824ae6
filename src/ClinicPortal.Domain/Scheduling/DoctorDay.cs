using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

/// <summary>A slot of a doctor's day, the booking holding it, if any, and the room it is in, if any.</summary>
public sealed record DaySlot(Guid SlotId, DateTimeOffset StartUtc, Guid? BookingId, Guid? RoomId = null)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;
}

/// <summary>
/// What scheduling decisions know of one doctor's day: its live slots, its live bookings (an appointment with others
/// whole: cancelling the day cancels it), and whether it was cancelled.
/// </summary>
public sealed record DoctorDay(
    Guid DoctorId,
    DateOnly Date,
    ImmutableSortedDictionary<Guid, DaySlot> Slots,
    ImmutableDictionary<Guid, CancelledBooking> Bookings,
    bool Cancelled)
{
    public static Query QueryFor(Guid doctorId, DateOnly date) => Query.Tagged(Tag.Day(doctorId, date));

    public static DoctorDay Empty(Guid doctorId, DateOnly date) =>
        new(doctorId, date, ImmutableSortedDictionary<Guid, DaySlot>.Empty, ImmutableDictionary<Guid, CancelledBooking>.Empty, false);

    public DoctorDay Evolve(IClinicEvent @event) => @event switch
    {
        DayScheduled e => this with { Slots = Slots.AddRange(e.Slots.Select(s => KeyValuePair.Create(s.SlotId, new DaySlot(s.SlotId, s.StartUtc, null, e.RoomId)))) },
        // A visit shared with others that lost this clinician's part is no longer on their day.
        SlotsRemoved e => this with { Slots = Slots.RemoveRange(e.SlotIds), Bookings = Bookings.RemoveRange((e.LostParts ?? []).Select(p => p.BookingId)) },
        SlotsBooked e => this with
        {
            Slots = SetBooking(e.Slots, e.BookingId),
            Bookings = Bookings.SetItem(e.BookingId, new CancelledBooking(e.BookingId, e.PatientId, e.Slots, e.Parts)),
        },
        BookingCancelled e => this with { Slots = SetBooking(e.Slots, null), Bookings = Bookings.Remove(e.BookingId) },
        BookingMoved e => Moved(e),
        // Another clinician's day fell, and with it an appointment this day had a part of: that part's slots are free.
        DayCancelled e when e.DoctorId != DoctorId => this with
        {
            Slots = SetBooking(e.CancelledBookings.SelectMany(b => b.Slots), null),
            Bookings = Bookings.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)),
        },
        DayCancelled => this with
        {
            Slots = ImmutableSortedDictionary<Guid, DaySlot>.Empty,
            Bookings = ImmutableDictionary<Guid, CancelledBooking>.Empty,
            Cancelled = true,
        },
        _ => this,
    };

    /// <summary>A booking moved out of this day, within it, or into it: its old slots free, its new ones held.</summary>
    private DoctorDay Moved(BookingMoved e)
    {
        var freed = this with { Slots = SetBooking(e.FromSlots.Where(s => Slots.GetValueOrDefault(s.SlotId)?.BookingId == e.BookingId), null) };
        return freed with
        {
            Slots = freed.SetBooking(e.ToSlots, e.BookingId),
            Bookings = e.ToClinicians.Contains(DoctorId) && e.ToDate == Date
                ? Bookings.SetItem(e.BookingId, new CancelledBooking(e.BookingId, e.PatientId, e.ToSlots, e.ToParts))
                : Bookings.Remove(e.BookingId),
        };
    }

    /// <summary>The rooms the given slots are in, for the events that give their time back; null when none is.</summary>
    public IReadOnlyList<Guid>? RoomsOf(IEnumerable<Guid> slotIds)
    {
        var rooms = slotIds.Select(id => Slots.GetValueOrDefault(id)?.RoomId).OfType<Guid>().Distinct().ToArray();
        return rooms.Length == 0 ? null : rooms;
    }

    private ImmutableSortedDictionary<Guid, DaySlot> SetBooking(IEnumerable<ScheduledSlot> slots, Guid? bookingId) =>
        slots.Aggregate(Slots, (all, slot) =>
            all.TryGetValue(slot.SlotId, out var existing) ? all.SetItem(slot.SlotId, existing with { BookingId = bookingId }) : all);
}
