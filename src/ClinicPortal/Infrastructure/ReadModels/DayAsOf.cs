using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>A practice day as it stood when the log ended at <paramref name="Position"/>: each clinician's day and bookings (in the order asked).</summary>
public sealed record DayAsOfView(DateOnly Date, long Position, IReadOnlyList<ClinicianDayAsOf> Clinicians);

/// <summary>One clinician's day then: its slots (with who held each) and its bookings, live or cancelled by then.</summary>
public sealed record ClinicianDayAsOf(DoctorDayView Day, IReadOnlyList<DayBooking> Bookings);

/// <summary>
/// The schedule as it stood at any past position, with no storage of its own: the events of that day up to the
/// position (those tagged with each clinician's day, and every event of the bookings they name, wherever those began
/// or went) are folded by the schedule's own projection into a database in memory, and read by the same queries as the
/// live read model. So a past view shows exactly what the live one showed then, and reads only that day's events, however
/// long the log.
/// </summary>
public sealed class DayAsOf(IEventStore store, IEnumerable<IProjection> projections)
{
    private readonly IProjection _schedule = projections.OfType<ScheduleProjection>().Single();

    /// <summary>
    /// The last position recorded at or before <paramref name="moment"/> (0: before the first event). A binary search
    /// over the positions: the times recorded grow with them (to within the moments appends committed together take).
    /// </summary>
    public async Task<long> PositionAtAsync(DateTimeOffset moment, CancellationToken ct = default)
    {
        var (low, high) = (0L, await store.LastPositionAsync(ct));
        while (low < high)
        {
            var middle = low + (high - low + 1) / 2;
            var first = await store.ReadAfterAsync(middle - 1, 1, ct); // the first event at or after the middle
            if (first.Count > 0 && first[0].Position <= high && first[0].RecordedAt <= moment)
                low = first[0].Position;
            else
                high = middle - 1;
        }
        return low;
    }

    /// <summary>When the event at <paramref name="position"/> was recorded (null for position 0, or one not in the log).</summary>
    public async Task<DateTimeOffset?> RecordedAtAsync(long position, CancellationToken ct = default) =>
        position > 0 && await store.ReadAfterAsync(position - 1, 1, ct) is [var stored] && stored.Position == position ? stored.RecordedAt : null;

    public async Task<DayAsOfView> DayAsync(DateOnly date, long position, IReadOnlyCollection<Guid> clinicians, CancellationToken ct = default)
    {
        var dayEvents = clinicians.Count == 0
            ? []
            : (await store.ReadAsync(Query.TaggedAny(clinicians.Select(c => Tag.Day(c, date))), ct)).Events.Where(e => e.Position <= position).ToArray();
        var bookings = dayEvents.SelectMany(e => BookingsOf(e.Event)).Distinct().ToArray();
        var bookingEvents = bookings.Length == 0
            ? []
            : (await store.ReadAsync(Query.TaggedAny(bookings.Select(Tag.Booking)), ct)).Events.Where(e => e.Position <= position).ToArray();
        var events = dayEvents.Concat(bookingEvents).DistinctBy(e => e.Position).OrderBy(e => e.Position).ToArray();

        await using var scratch = await ClinicDatabase.InMemoryAsync(ct);
        await using (var transaction = scratch.Connection.BeginTransaction())
        {
            await using (var create = scratch.Connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = _schedule.Schema + _schedule.Indexes;
                await create.ExecuteNonQueryAsync(ct);
            }
            await using var session = new SqlSession(scratch.Connection, transaction);
            foreach (var stored in events)
                await _schedule.ApplyAsync(session, stored, ct);
            await transaction.CommitAsync(ct);
        }

        var schedule = new ScheduleReadModel(scratch.Database, new EventLogSignal());
        var days = new List<ClinicianDayAsOf>();
        foreach (var clinician in clinicians)
        {
            var day = await schedule.DoctorDayAsync(clinician, date, ct);
            days.Add(new ClinicianDayAsOf(day, await schedule.DayBookingsAsync(clinician, date, ct)));
        }
        return new DayAsOfView(date, position, days);
    }

    /// <summary>The bookings an event of a day names: their other events (where they were booked, moved from, marked) belong to the fold.</summary>
    private static IEnumerable<Guid> BookingsOf(IClinicEvent e) => e switch
    {
        SlotsBooked booked => [booked.BookingId],
        BookingMoved moved => [moved.BookingId],
        BookingCancelled cancelled => [cancelled.BookingId],
        VisitMarked marked => [marked.BookingId],
        DayCancelled day => day.CancelledBookings.Select(b => b.BookingId).Concat((day.LostParts ?? []).Select(p => p.BookingId)),
        SlotsRemoved removed => (removed.LostParts ?? []).Select(p => p.BookingId),
        _ => [],
    };
}
