using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.Policies;

/// <summary>Rule 7's number: the most slots a patient may hold in one practice month.</summary>
public static class MonthlyQuota
{
    public const int MaxSlotsPerMonth = 10;

    /// <summary>Whether holding <paramref name="used"/> slots in a month, with <paramref name="adding"/> more, goes over the limit.</summary>
    public static bool WouldExceed(int used, int adding) => used + adding > MaxSlotsPerMonth;

    /// <summary>
    /// The slots a patient may still book in a month they hold <paramref name="used"/> in; a booking being moved within it
    /// (<paramref name="moving"/> slots of those) does not count against its own move.
    /// </summary>
    public static int SlotsLeft(int used, int moving = 0) => Math.Max(0, MaxSlotsPerMonth - used + moving);
}

/// <summary>
/// Bring one patient back within the monthly limit (rule 7), as the quota policy asks after a booking: in the month of
/// <paramref name="InMonthOf"/> (reading only that month's bookings), or in every month when it is null.
/// </summary>
public sealed record ApplyMonthlyQuota(Guid PatientId, Actor By, DateTimeOffset Now, DateOnly? InMonthOf = null) : ICommand<ApplyMonthlyQuota, MonthlyQuotaDecider, PatientBookings, BookingCancelled>
{
    public static ApplyMonthlyQuota For(Guid patientId, DateTimeOffset now, DateOnly? inMonthOf = null) =>
        new(patientId, Actor.QuotaPolicy, now, inMonthOf);
}

/// <summary>A live booking of a patient; <see cref="Order"/> says which was made later (larger = later).</summary>
public sealed record HeldBooking(
    Guid BookingId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, long Order, bool Marked, IReadOnlyList<BookedPart>? Parts = null,
    Guid? RoomId = null)
{
    /// <summary>The patient's time it takes, in slots (a visit with a nurse and a doctor for 30 minutes is 3).</summary>
    public int SlotCount => Slots.PatientSlots();
}

/// <summary>A patient's live bookings, folded from the booking events tagged with the patient.</summary>
public sealed record PatientBookings(Guid PatientId, ImmutableDictionary<Guid, HeldBooking> Held, long Seen)
{
    public static PatientBookings None(Guid patientId) => new(patientId, ImmutableDictionary<Guid, HeldBooking>.Empty, 0);

    public PatientBookings Evolve(IClinicEvent @event) => @event switch
    {
        SlotsBooked e when e.PatientId == PatientId => this with
        {
            Held = Held.SetItem(e.BookingId, new HeldBooking(e.BookingId, e.DoctorId, e.Date, e.Slots, Seen + 1, false, e.Parts, e.RoomId)),
            Seen = Seen + 1,
        },
        BookingCancelled e => this with { Held = Held.Remove(e.BookingId) },
        // A moved booking keeps its place in the order it was made; one moved in from a month not read counts as made now.
        BookingMoved e when e.PatientId == PatientId => Held.TryGetValue(e.BookingId, out var moved)
            ? this with { Held = Held.SetItem(e.BookingId, moved with { DoctorId = e.ToDoctorId, Date = e.ToDate, Slots = e.ToSlots, Parts = e.ToParts, RoomId = e.ToRoomId }) }
            : this with { Held = Held.SetItem(e.BookingId, new HeldBooking(e.BookingId, e.ToDoctorId, e.ToDate, e.ToSlots, Seen + 1, false, e.ToParts, e.ToRoomId)), Seen = Seen + 1 },
        DayCancelled e => this with { Held = Held.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)) },
        VisitMarked e when Held.TryGetValue(e.BookingId, out var held) => this with { Held = Held.SetItem(e.BookingId, held with { Marked = true }) },
        _ => this,
    };
}

/// <summary>
/// Rule 7: a patient holds at most 10 booked slots in one practice month. When they are over, the bookings of that
/// month made last are cancelled (a double booking whole) until they are at 10 or fewer; a visit that has started or
/// been marked is never cancelled (it still counts). Booking refuses what would go over
/// (<see cref="Rejection.MonthlyLimitReached"/>); this decider is the safety net the practice's rule describes, for
/// any path that still ends above the limit.
/// <para>
/// Its query is the patient's booking events, and every cancellation it chooses goes in one conditional append: if
/// the patient (or anyone) changes their bookings meanwhile, it decides again on the new facts, so it never cancels
/// a booking that no longer needs to go.
/// </para>
/// </summary>
public sealed class MonthlyQuotaDecider : IDecider<ApplyMonthlyQuota, PatientBookings, BookingCancelled>
{
    private static readonly string[] BookingEvents =
    [
        EventTypes.NameOf<SlotsBooked>(), EventTypes.NameOf<BookingCancelled>(),
        EventTypes.NameOf<DayCancelled>(), EventTypes.NameOf<VisitMarked>(), EventTypes.NameOf<BookingMoved>(),
    ];

    public static Query QueryFor(ApplyMonthlyQuota command) => new([new QueryItem(BookingEvents,
        [command.InMonthOf is { } date ? Tag.PatientMonth(command.PatientId, date) : Tag.Patient(command.PatientId)])]);

    public static PatientBookings Initial(ApplyMonthlyQuota command) => PatientBookings.None(command.PatientId);

    public static PatientBookings Evolve(PatientBookings state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<BookingCancelled>> Decide(ApplyMonthlyQuota command, PatientBookings patient)
    {
        var cancellations = new List<BookingCancelled>();
        foreach (var month in patient.Held.Values.GroupBy(b => PracticeTime.MonthOf(b.Date)))
        {
            var used = month.Sum(b => b.SlotCount);
            foreach (var latest in month.Where(b => !b.Marked && b.Slots[0].StartUtc > command.Now).OrderByDescending(b => b.Order))
            {
                if (used <= MonthlyQuota.MaxSlotsPerMonth)
                    break;
                cancellations.Add(new BookingCancelled(
                    latest.BookingId, patient.PatientId, latest.DoctorId, latest.Date, latest.Slots, CancellationReason.QuotaExceeded, command.By.Name, latest.Parts,
                    latest.RoomId));
                used -= latest.SlotCount;
            }
        }
        return cancellations;
    }
}
