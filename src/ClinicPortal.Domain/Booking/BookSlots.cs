using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Book one slot, or two adjacent slots of one doctor (all or nothing), for a patient. <paramref name="Date"/> is the
/// slots' practice date as the caller found it: the decision then reads only the patient's bookings of that month,
/// not their whole history (and refuses if a slot is of another month). Without it, it reads them all.
/// </summary>
public sealed record BookSlots(Guid BookingId, Guid PatientId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateOnly? Date = null) : ICommand;

/// <summary>A slot as a booking decision sees it.</summary>
public sealed record SlotForBooking(Guid SlotId, Guid DoctorId, DateOnly Date, DateTimeOffset StartUtc, bool Gone, bool DayCancelled, Guid? BookingId)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;
}

/// <summary>A live booking of the patient: its practice day and its slots.</summary>
public sealed record HeldSlots(DateOnly Date, IReadOnlyList<ScheduledSlot> Slots);

/// <summary>
/// What a booking decision knows: the chosen slots, and the patient's live bookings (to keep them from overlapping
/// and within the month's limit).
/// </summary>
public sealed record BookingRequest(
    Guid PatientId,
    ImmutableDictionary<Guid, SlotForBooking> Slots,
    ImmutableDictionary<Guid, HeldSlots> PatientBookings);

public sealed class BookSlotsDecider : IDecider<BookSlots, BookingRequest, SlotsBooked>
{
    public const int MaxSlotsPerBooking = 2;

    private static readonly string[] PatientBookingEvents =
        [EventTypes.NameOf<SlotsBooked>(), EventTypes.NameOf<BookingCancelled>(), EventTypes.NameOf<DayCancelled>()];

    public static Query QueryFor(BookSlots command) =>
        Query.TaggedAny(command.SlotIds.Distinct().Select(Tag.Slot))
            .Or(new Query([new QueryItem(PatientBookingEvents,
                [command.Date is { } date ? Tag.PatientMonth(command.PatientId, date) : Tag.Patient(command.PatientId)])]));

    public static BookingRequest Initial(BookSlots command) =>
        new(command.PatientId, ImmutableDictionary<Guid, SlotForBooking>.Empty, ImmutableDictionary<Guid, HeldSlots>.Empty);

    public static BookingRequest Evolve(BookingRequest state, IClinicEvent @event) => @event switch
    {
        DayScheduled e => state with
        {
            Slots = state.Slots.SetItems(e.Slots.Select(s =>
                KeyValuePair.Create(s.SlotId, new SlotForBooking(s.SlotId, e.DoctorId, e.Date, s.StartUtc, false, false, null)))),
        },
        SlotsRemoved e => state with { Slots = Update(state.Slots, e.SlotIds, slot => slot with { Gone = true }) },
        SlotsBooked e => state with
        {
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot with { BookingId = e.BookingId }),
            PatientBookings = e.PatientId == state.PatientId ? state.PatientBookings.SetItem(e.BookingId, new HeldSlots(e.Date, e.Slots)) : state.PatientBookings,
        },
        BookingCancelled e => state with
        {
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot.BookingId == e.BookingId ? slot with { BookingId = null } : slot),
            PatientBookings = state.PatientBookings.Remove(e.BookingId),
        },
        DayCancelled e => state with
        {
            Slots = Update(state.Slots, e.SlotIds, slot => slot with { DayCancelled = true, BookingId = null }),
            PatientBookings = state.PatientBookings.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)),
        },
        _ => state,
    };

    public static Checked<IReadOnlyList<SlotsBooked>> Decide(BookSlots command, BookingRequest state)
    {
        if (command.By.Role == Role.Patient && command.By.Id != command.PatientId)
            return Rejection.NotAllowed;
        if (command.By.Role == Role.Doctor)
            return Rejection.NotAllowed;
        if (command.SlotIds.Count == 0)
            return Rejection.NoSlotsChosen;
        if (command.SlotIds.Count > MaxSlotsPerBooking)
            return Rejection.TooManySlotsInOneBooking;
        if (command.SlotIds.Distinct().Count() != command.SlotIds.Count)
            return Rejection.SlotsNotAdjacent;

        var slots = new List<SlotForBooking>();
        foreach (var slotId in command.SlotIds)
        {
            if (!state.Slots.TryGetValue(slotId, out var slot) || slot.Gone)
                return Rejection.SlotNotFound;
            if (slot.DayCancelled)
                return Rejection.DayAlreadyCancelled;
            slots.Add(slot);
        }
        slots.Sort((a, b) => a.StartUtc.CompareTo(b.StartUtc));

        if (slots[0].StartUtc <= command.Now)
            return Rejection.SlotInPast;
        if (slots.Count == 2)
        {
            if (slots[0].DoctorId != slots[1].DoctorId)
                return Rejection.SlotsOfDifferentDoctors;
            if (slots[0].Date != slots[1].Date || slots[0].EndUtc != slots[1].StartUtc)
                return Rejection.SlotsNotAdjacent;
        }
        if (slots.Any(slot => slot.BookingId is not null))
            return Rejection.SlotAlreadyBooked;

        // The patient's bookings were read for the month the caller named: a slot of another month was not judged.
        if (command.Date is { } named && slots.Any(slot => PracticeTime.MonthOf(slot.Date) != PracticeTime.MonthOf(named)))
            return Rejection.Conflict;

        var start = slots[0].StartUtc;
        var end = slots[^1].EndUtc;
        if (state.PatientBookings.Values.SelectMany(held => held.Slots).Any(held => held.StartUtc < end && start < held.EndUtc))
            return Rejection.PatientAlreadyBookedAtThatTime;

        // Rule 7, said before booking: the decision reads every live booking of the patient that month.
        var month = PracticeTime.MonthOf(slots[0].Date);
        var used = state.PatientBookings.Values.Where(held => PracticeTime.MonthOf(held.Date) == month).Sum(held => held.Slots.Count);
        if (used + slots.Count > MonthlyQuota.MaxSlotsPerMonth)
            return Rejection.MonthlyLimitReached;

        return new SlotsBooked[]
        {
            new SlotsBooked(command.BookingId, command.PatientId, slots[0].DoctorId, slots[0].Date,
                slots.Select(s => new ScheduledSlot(s.SlotId, s.StartUtc)).ToArray(), command.By.Name),
        };
    }

    private static ImmutableDictionary<Guid, SlotForBooking> Update(
        ImmutableDictionary<Guid, SlotForBooking> slots, IEnumerable<Guid> ids, Func<SlotForBooking, SlotForBooking> change) =>
        ids.Aggregate(slots, (all, id) => all.TryGetValue(id, out var slot) ? all.SetItem(id, change(slot)) : all);
}
