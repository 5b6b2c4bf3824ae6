using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>Queries over the holds and the timers.</summary>
public sealed class HoldsReadModel(ClinicDatabase database) : IHoldQueries
{
    public async Task<HoldView?> FindAsync(Guid holdId, CancellationToken ct = default) =>
        (await database.RowsAsync<HoldRow>(
            """
            SELECT hold_id, patient_id, doctor_id, clinician_ids, visit_type_id, date, start_utc, end_utc, slot_ids, room_id, expires_at, status, booking_id
            FROM rm_holds WHERE hold_id = @hold;
            """,
            ct, ("@hold", holdId))).SingleOrDefault()?.View;

    /// <summary>The hold each of these bookings confirmed, for those that came from one, in one statement.</summary>
    public async Task<IReadOnlyDictionary<Guid, Guid>> HoldsOfAppointmentsAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken ct = default)
    {
        if (bookingIds.Count == 0)
            return new Dictionary<Guid, Guid>();
        var (list, parameters) = SqlList.In("@booking", bookingIds.Distinct().Cast<object>());
        return (await database.RowsAsync<AppointmentHold>($"SELECT booking_id, hold_id FROM rm_holds WHERE booking_id IN ({list});", ct, parameters!))
            .ToDictionary(h => h.AppointmentId, h => h.HoldId);
    }

    /// <summary>
    /// The timers due by <paramref name="now"/>, soonest first, at most <paramref name="limit"/>: each hold expiry due, and
    /// each reminder of an appointment not yet begun that starts within <paramref name="reminderLead"/> (none when null:
    /// reminders are off). A reminder of an appointment that has begun is never due; its row goes when the visit is marked.
    /// </summary>
    public async Task<IReadOnlyList<DueTimer>> DueAsync(DateTimeOffset now, TimeSpan? reminderLead, int limit, CancellationToken ct = default) =>
        (await database.RowsAsync<TimerRow>(
            """
            SELECT kind, subject_id, due_at, since FROM (
                SELECT kind, subject_id, due_at, since, due_at AS acts_at FROM rm_timers WHERE kind = @expiry AND due_at <= @now
                UNION ALL
                SELECT kind, subject_id, due_at, since, due_at - @lead FROM rm_timers WHERE kind = @reminder AND due_at > @now AND due_at <= @now + @lead) due
            ORDER BY acts_at LIMIT @limit;
            """,
            ct, ("@expiry", TimerKinds.HoldExpiry), ("@reminder", TimerKinds.Reminder), ("@now", Ms(now)), ("@lead", LeadMs(reminderLead)), ("@limit", limit)))
            .Select(timer => timer.View).ToArray();

    /// <summary>When the next timer falls due (a past time for one due already); null when none is.</summary>
    public async Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, TimeSpan? reminderLead, CancellationToken ct = default) =>
        (await database.RowsAsync<long>(
            """
            SELECT CASE WHEN expiry < reminder THEN expiry ELSE reminder END FROM (SELECT
                coalesce((SELECT min(due_at) FROM rm_timers WHERE kind = @expiry), 9223372036854775807) AS expiry,
                coalesce((SELECT min(due_at) - @lead FROM rm_timers WHERE kind = @reminder AND due_at > @now AND @lead >= 0), 9223372036854775807) AS reminder) next;
            """,
            ct, ("@expiry", TimerKinds.HoldExpiry), ("@reminder", TimerKinds.Reminder), ("@now", Ms(now)), ("@lead", LeadMs(reminderLead))))
            .Single() is var ms and < long.MaxValue ? FromMs(ms) : null;

    /// <summary>A reminder lead in milliseconds; -1 (no time is within it) when reminders are off.</summary>
    private static long LeadMs(TimeSpan? lead) => lead is { } hours && hours > TimeSpan.Zero ? (long)hours.TotalMilliseconds : -1;

    private sealed class HoldRow
    {
        public Guid HoldId { get; init; }
        public Guid PatientId { get; init; }
        public Guid ClinicianId { get; init; }
        public string ClinicianIds { get; init; } = "";
        public Guid VisitTypeId { get; init; }
        public string Date { get; init; } = "";
        public DateOnly Day => Rows.Day(Date);
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }
        public string SlotIds { get; init; } = "";
        public Guid? RoomId { get; init; }
        public long ExpiresAt { get; init; }
        public string Status { get; init; } = "";
        public Guid? AppointmentId { get; init; }

        public HoldView View => new(HoldId, PatientId, ClinicianId, ParseIds(ClinicianIds)!, VisitTypeId, Day, FromMs(StartUtc),
            FromMs(EndUtc), ParseIds(SlotIds)!, RoomId, FromMs(ExpiresAt), Status, AppointmentId);
    }

    private sealed class AppointmentHold
    {
        public Guid AppointmentId { get; init; }
        public Guid HoldId { get; init; }
    }

    private sealed class TimerRow
    {
        public string Kind { get; init; } = "";
        public Guid SubjectId { get; init; }
        public long DueAt { get; init; }
        public long Since { get; init; }

        public DueTimer View => new(Kind, SubjectId, FromMs(DueAt), FromMs(Since));
    }
}
