using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Sqlite;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The schedule as it stood at any past position, with no storage of its own: the events of the days asked up to the
/// position (those tagged with each clinician's day, and every event of the bookings they name, wherever those began
/// or went; for a patient, every event of their bookings and those bookings' days) are folded by the schedule's own
/// projection into a database in memory, and read by the same queries as the live read model. So a past view shows
/// exactly what the live one showed then, and reads only those days' events, however long the log.
/// </summary>
public sealed class DayAsOf(IEventStore store, IEnumerable<IProjection> projections, Privacy.PersonalKeys keys) : IPastQueries
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

    public async Task<DayAsOfView> DayAsync(DateOnly date, long position, IReadOnlyCollection<Guid> clinicians, CancellationToken ct = default) =>
        new(date, position, await DaysAsync(clinicians.Select(c => (c, date)).ToArray(), position, ct));

    /// <summary>Clinicians' days (any dates: a week of one clinician, a day of all) as they stood at the position, in the order asked.</summary>
    public async Task<IReadOnlyList<ClinicianDayAsOf>> DaysAsync(
        IReadOnlyList<(Guid Clinician, DateOnly Date)> days, long position, CancellationToken ct = default)
    {
        await using var past = await FoldAsync(days.Select(d => Tag.Day(d.Clinician, d.Date)).Distinct().ToArray(), [], [], position, ct);
        var slots = await past.Schedule.ClinicianDaysAsync(days, ct);
        var bookings = await past.Schedule.DayAppointmentsAsync(days, ct);
        return slots.Zip(bookings, (day, booked) => new ClinicianDayAsOf(day, booked)).ToArray();
    }

    /// <summary>
    /// A patient's bookings as they stood at the position, latest start first (as <see cref="ScheduleReadModel.BookingsOfPatientAsync"/>):
    /// every event of every booking of theirs, and the days those bookings were in (a block's room is an older booking's room).
    /// </summary>
    public async Task<IReadOnlyList<PatientAppointment>> PatientAppointmentsAsync(Guid patientId, long position, int limit, CancellationToken ct = default)
    {
        var theirs = (await store.ReadAsync(Query.TaggedAny([Tag.Patient(patientId)]), ct)).Events.Where(e => e.Position <= position);
        var bookings = theirs.SelectMany(e => AppointmentsOf(e.Event)).Distinct().ToArray();
        var bookingEvents = await EventsAsync(bookings.Select(Tag.Appointment), position, ct);
        var days = bookingEvents.SelectMany(e => e.Tags).Where(t => t.DayDate is not null).Distinct().ToArray();
        await using var past = await FoldAsync(days, bookings, bookingEvents, position, ct);
        return await past.Schedule.AppointmentsOfPatientAsync(patientId, limit, 0, ct);
    }

    /// <summary>
    /// The schedule's read model as it stood at the position, in a database in memory: the events of the days asked (those
    /// tagged with them) and every event of the bookings they name, wherever those began or went, folded in log order by the
    /// schedule's own projection. The events of <paramref name="known"/> bookings are given, already read.
    /// </summary>
    private async Task<PastSchedule> FoldAsync(
        IReadOnlyCollection<Tag> days, IReadOnlyCollection<Guid> known, IReadOnlyList<StoredEvent> knownEvents, long position, CancellationToken ct)
    {
        var dayEvents = await EventsAsync(days, position, ct);
        var named = dayEvents.SelectMany(e => AppointmentsOf(e.Event)).Distinct().Except(known).ToArray();
        var events = dayEvents.Concat(knownEvents).Concat(await EventsAsync(named.Select(Tag.Appointment), position, ct))
            .DistinctBy(e => e.Position).OrderBy(e => e.Position).ToArray();

        var scratch = await Sqlite.SqliteDatabase.InMemoryAsync(ct);
        try
        {
            await using var transaction = scratch.Connection.BeginTransaction();
            await using (var create = scratch.Connection.CreateCommand())
            {
                create.Transaction = transaction;
                create.CommandText = _schedule.Schema(SqlDialect.Sqlite) + _schedule.Indexes;
                await create.ExecuteNonQueryAsync(ct);
            }
            await using (var session = new SqlSession(scratch.Connection, transaction))
                foreach (var stored in events)
                    await _schedule.ApplyAsync(session, stored, ct);
            await transaction.CommitAsync(ct);
            return new PastSchedule(scratch, new ScheduleReadModel(scratch.Database, new EventLogSignal(), keys));
        }
        catch
        {
            await scratch.DisposeAsync();
            throw;
        }
    }

    /// <summary>The events tagged with any of <paramref name="tags"/>, up to the position.</summary>
    private async Task<IReadOnlyList<StoredEvent>> EventsAsync(IEnumerable<Tag> tags, long position, CancellationToken ct)
    {
        var wanted = tags.ToArray();
        return wanted.Length == 0 ? [] : (await store.ReadAsync(Query.TaggedAny(wanted), ct)).Events.Where(e => e.Position <= position).ToArray();
    }

    /// <summary>A read model folded in memory, gone with it.</summary>
    private sealed record PastSchedule(InMemoryDatabase Scratch, ScheduleReadModel Schedule) : IAsyncDisposable
    {
        public ValueTask DisposeAsync() => Scratch.DisposeAsync();
    }

    /// <summary>The bookings an event of a day names: their other events (where they were booked, moved from, marked) belong to the fold.</summary>
    private static IEnumerable<Guid> AppointmentsOf(IClinicEvent e) => e switch
    {
        SlotsBooked booked => [booked.AppointmentId],
        AppointmentMoved moved => [moved.AppointmentId],
        AppointmentCancelled cancelled => [cancelled.AppointmentId],
        VisitMarked marked => [marked.AppointmentId],
        DayCancelled day => day.CancelledAppointments.Select(b => b.AppointmentId).Concat((day.LostParts ?? []).Select(p => p.AppointmentId)),
        SlotsRemoved removed => (removed.LostParts ?? []).Select(p => p.AppointmentId),
        _ => [],
    };
}
