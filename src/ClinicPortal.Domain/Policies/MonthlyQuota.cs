using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.Policies;

/// <summary>A live booking of a patient, with the log position it was made at (later position = made later).</summary>
public sealed record HeldBooking(Guid BookingId, DateOnly Date, int SlotCount, long BookedAt);

/// <summary>A patient's live bookings, folded from the events tagged with the patient.</summary>
public sealed record PatientBookings(Guid PatientId, ImmutableDictionary<Guid, HeldBooking> Held)
{
    public static Query QueryFor(Guid patientId) => Query.Tagged(Tag.Patient(patientId));

    public static PatientBookings From(Guid patientId, IEnumerable<StoredEvent> events) =>
        events.Aggregate(new PatientBookings(patientId, ImmutableDictionary<Guid, HeldBooking>.Empty), (state, e) => state.Evolve(e));

    private PatientBookings Evolve(StoredEvent stored) => stored.Event switch
    {
        SlotsBooked e when e.PatientId == PatientId =>
            this with { Held = Held.SetItem(e.BookingId, new HeldBooking(e.BookingId, e.Date, e.Slots.Count, stored.Position)) },
        BookingCancelled e => this with { Held = Held.Remove(e.BookingId) },
        DayCancelled e => this with { Held = Held.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)) },
        _ => this,
    };
}

/// <summary>
/// Rule 7: a patient holds at most 10 booked slots in one practice month. When a booking takes them over,
/// the bookings of that month made last are cancelled (a double booking whole) until they are at 10 or fewer.
/// Booking refuses what would go over (<see cref="Rejection.MonthlyLimitReached"/>); this policy is the safety net
/// the practice's rule describes, for any path that still ends above the limit.
/// </summary>
public static class MonthlyQuota
{
    public const int MaxSlotsPerMonth = 10;

    public static IReadOnlyList<Guid> BookingsToCancel(PatientBookings patient)
    {
        var toCancel = new List<Guid>();
        foreach (var month in patient.Held.Values.GroupBy(b => PracticeTime.MonthOf(b.Date)))
        {
            var used = month.Sum(b => b.SlotCount);
            foreach (var latest in month.OrderByDescending(b => b.BookedAt))
            {
                if (used <= MaxSlotsPerMonth)
                    break;
                toCancel.Add(latest.BookingId);
                used -= latest.SlotCount;
            }
        }
        return toCancel;
    }
}
