using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// Every hold with its state (<c>rm_holds</c>), and the durable timers (<c>rm_timers</c>): a row for each action due at a
/// time, written by the same transaction as the event that makes it due and deleted by the one that does it or makes it
/// moot, so the timers survive restarts and are rebuilt from the log like every read model. A hold's expiry is due when
/// it is placed and gone when it ends; an appointment's reminder is due when it is booked, follows it when it moves to
/// another time, and is gone when it is reminded, cancelled (alone or with its day) or marked.
/// </summary>
public sealed class HoldProjection : IProjection
{
    public string Name => "holds";
    public int Version => 2;
    public IReadOnlyList<string> Tables => ["rm_holds", "rm_timers"];

    public string Schema(SqlDialect sql) => $"""
        CREATE TABLE rm_holds (
            hold_id       {sql.Uuid} PRIMARY KEY,
            patient_id    {sql.Uuid} NOT NULL,
            doctor_id     {sql.Uuid} NOT NULL,
            clinician_ids TEXT NOT NULL,
            visit_type_id {sql.Uuid} NOT NULL,
            date          TEXT NOT NULL,
            start_utc     BIGINT NOT NULL,
            end_utc       BIGINT NOT NULL,
            slot_ids      TEXT NOT NULL,
            room_id       {sql.Uuid},
            placed_at     BIGINT NOT NULL,
            expires_at    BIGINT NOT NULL,
            status        TEXT NOT NULL,
            booking_id    {sql.Uuid},
            ended_at      BIGINT
        );
        CREATE TABLE rm_timers (
            kind       TEXT NOT NULL,
            subject_id {sql.Uuid} NOT NULL,
            due_at     BIGINT NOT NULL,
            since      BIGINT NOT NULL,
            PRIMARY KEY (kind, subject_id)
        ) {sql.KeyedTable};
        """;

    public string Indexes => """
        CREATE INDEX ix_rm_holds_patient ON rm_holds (patient_id, status, expires_at);
        CREATE INDEX ix_rm_timers_due ON rm_timers (kind, due_at);
        """;

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        switch (stored.Event)
        {
            case HoldPlaced e:
                await db.ExecuteAsync(
                    """
                    INSERT INTO rm_holds (hold_id, patient_id, doctor_id, clinician_ids, visit_type_id, date, start_utc, end_utc, slot_ids, room_id, placed_at, expires_at, status)
                    VALUES (@hold, @patient, @doctor, @clinicians, @type, @date, @start, @end, @slots, @room, @at, @expires, 'pending');
                    """,
                    ct, ("@hold", e.HoldId), ("@patient", e.PatientId), ("@doctor", e.ClinicianId), ("@clinicians", Ids(e.Clinicians.ToArray())),
                    ("@type", e.VisitTypeId), ("@date", Day(e.Date)), ("@start", Ms(e.Slots.Min(s => s.StartUtc))), ("@end", Ms(e.Slots.Max(s => s.EndUtc))),
                    ("@slots", Ids(e.Slots.Select(s => s.SlotId).ToArray())), ("@room", e.RoomId), ("@at", Ms(stored.RecordedAt)),
                    ("@expires", Ms(e.ExpiresAt)));
                await SetTimerAsync(db, TimerKinds.HoldExpiry, e.HoldId, e.ExpiresAt, stored, ct);
                break;
            case SlotsBooked e:
                if (e.HoldId is { } hold)
                    await EndAsync(db, hold, "confirmed", stored, ct, e.AppointmentId);
                await SetTimerAsync(db, TimerKinds.Reminder, e.AppointmentId, e.Slots.Min(s => s.StartUtc), stored, ct);
                break;
            case AppointmentMoved e when e.ToSlots.Min(s => s.StartUtc) != e.FromSlots.Min(s => s.StartUtc):
                await SetTimerAsync(db, TimerKinds.Reminder, e.AppointmentId, e.ToSlots.Min(s => s.StartUtc), stored, ct);
                break;
            case AppointmentCancelled e:
                await DeleteTimerAsync(db, TimerKinds.Reminder, e.AppointmentId, ct);
                break;
            case DayCancelled e:
                foreach (var booking in e.CancelledAppointments)
                    await DeleteTimerAsync(db, TimerKinds.Reminder, booking.AppointmentId, ct);
                break;
            case VisitMarked e:
                await DeleteTimerAsync(db, TimerKinds.Reminder, e.AppointmentId, ct);
                break;
            case ReminderSent e:
                // Only the reminder of the time it was for: a move since then has set the new time's.
                await db.ExecuteAsync("DELETE FROM rm_timers WHERE kind = @kind AND subject_id = @booking AND due_at = @due;", ct,
                    ("@kind", TimerKinds.Reminder), ("@booking", e.AppointmentId), ("@due", Ms(e.StartUtc)));
                break;
            case HoldReleased e:
                await EndAsync(db, e.HoldId, "released", stored, ct);
                break;
            case HoldExpired e:
                await EndAsync(db, e.HoldId, "expired", stored, ct);
                break;
        }
    }

    private static async Task EndAsync(SqlSession db, Guid holdId, string status, StoredEvent stored, CancellationToken ct, Guid? bookingId = null)
    {
        await db.ExecuteAsync("UPDATE rm_holds SET status = @status, booking_id = @booking, ended_at = @at WHERE hold_id = @hold;", ct,
            ("@status", status), ("@booking", bookingId), ("@at", Ms(stored.RecordedAt)), ("@hold", holdId));
        await DeleteTimerAsync(db, TimerKinds.HoldExpiry, holdId, ct);
    }

    /// <summary>Makes <paramref name="kind"/> of <paramref name="subject"/> due at <paramref name="due"/>, set by the event <paramref name="stored"/>.</summary>
    private static Task SetTimerAsync(SqlSession db, string kind, Guid subject, DateTimeOffset due, StoredEvent stored, CancellationToken ct) =>
        db.ExecuteAsync("INSERT INTO rm_timers (kind, subject_id, due_at, since) VALUES (@kind, @subject, @due, @since) " +
            "ON CONFLICT (kind, subject_id) DO UPDATE SET due_at = excluded.due_at, since = excluded.since;", ct,
            ("@kind", kind), ("@subject", subject), ("@due", Ms(due)), ("@since", Ms(stored.RecordedAt)));

    private static Task DeleteTimerAsync(SqlSession db, string kind, Guid subject, CancellationToken ct) =>
        db.ExecuteAsync("DELETE FROM rm_timers WHERE kind = @kind AND subject_id = @subject;", ct, ("@kind", kind), ("@subject", subject));
}
