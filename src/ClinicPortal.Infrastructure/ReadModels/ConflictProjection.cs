using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The conflicts desk's table: every clash between an appointment and the facts, from when it opened (the event that
/// made it true) until it was resolved (the event that made it untrue: a cancellation, a move or reassignment, the
/// clinician or room back). Kept from the log like every read model, and like them rebuilt from it: the projection keeps
/// what it needs of bookings, rooms and clinicians in tables of its own, so it never depends on another's state.
/// After each event it looks again at the appointments the event touched, opens what has become true and closes what
/// no longer is. A clash opens only for an appointment that has not ended by then. Version 2: every clinician of an
/// appointment with several (<c>clinician_ids</c>), any of whom being deactivated puts it on the desk, as does any of
/// them losing their part with a cancelled day (a <c>part-lost</c> fact until the appointment moves or is cancelled), or with
/// their time taken back (<c>part-time-removed</c>, from a <c>SlotsRemoved</c> with lost parts; no log before has one).
/// Version 3: an appointment's room is the one its event names (logged since appointments hold their room for their
/// whole span), and two appointments in one room at once are a <c>room-double-booked</c> pair. Version 4: each
/// appointment's slots with their clinician, so two appointments holding one slot are a <c>clinician-double-booked</c> pair.
/// </summary>
public sealed partial class ConflictProjection : IProjection
{
    public string Name => "conflicts";
    public int Version => 5;
    public IReadOnlyList<string> Tables => ["rm_conflicts", "rm_conflict_bookings", "rm_conflict_booking_clinicians", "rm_conflict_booking_slots", "rm_conflict_room_slots", "rm_conflict_facts"];

    public string Schema(SqlDialect sql) => $"""
        CREATE TABLE rm_conflict_bookings (
            booking_id      {sql.Uuid} PRIMARY KEY,
            patient_id      {sql.Uuid} NOT NULL,
            clinician_id    {sql.Uuid} NOT NULL,
            clinician_ids   TEXT NOT NULL,
            room_id         {sql.Uuid},
            start_utc       BIGINT NOT NULL,
            end_utc         BIGINT NOT NULL,
            override_by     TEXT,
            override_reason TEXT
        );
        CREATE TABLE rm_conflict_booking_clinicians (
            clinician_id {sql.Uuid} NOT NULL,
            booking_id   {sql.Uuid} NOT NULL,
            PRIMARY KEY (clinician_id, booking_id)
        ) {sql.KeyedTable};
        CREATE TABLE rm_conflict_booking_slots (
            slot_id      {sql.Uuid} NOT NULL,
            booking_id   {sql.Uuid} NOT NULL,
            clinician_id {sql.Uuid} NOT NULL,
            PRIMARY KEY (slot_id, booking_id)
        ) {sql.KeyedTable};
        CREATE TABLE rm_conflict_room_slots (
            slot_id {sql.Uuid} PRIMARY KEY,
            room_id {sql.Uuid} NOT NULL
        ) {sql.KeyedTable};
        CREATE TABLE rm_conflict_facts (
            fact TEXT PRIMARY KEY
        ) {sql.KeyedTable};
        CREATE TABLE rm_conflicts (
            conflict_id       TEXT PRIMARY KEY,
            conflict_key      TEXT NOT NULL,
            kind              TEXT NOT NULL,
            booking_id        {sql.Uuid} NOT NULL,
            other_booking_id  {sql.Uuid},
            patient_id        {sql.Uuid} NOT NULL,
            clinician_id      {sql.Uuid} NOT NULL,
            room_id           {sql.Uuid},
            start_utc         BIGINT NOT NULL,
            end_utc           BIGINT NOT NULL,
            opened_at         BIGINT NOT NULL,
            opened_position   BIGINT NOT NULL,
            opened_by         TEXT NOT NULL,
            override_by       TEXT,
            override_reason   TEXT,
            resolved_at       BIGINT,
            resolved_position BIGINT,
            resolved_by       TEXT,
            resolution        TEXT
        );
        CREATE INDEX ix_conflict_bookings_clinician ON rm_conflict_bookings (clinician_id, end_utc);
        CREATE INDEX ix_conflict_bookings_room ON rm_conflict_bookings (room_id, end_utc);
        CREATE INDEX ix_conflict_bookings_patient ON rm_conflict_bookings (patient_id, start_utc);
        CREATE INDEX ix_conflict_booking_slots_booking ON rm_conflict_booking_slots (booking_id);
        CREATE INDEX ix_conflicts_open ON rm_conflicts (resolved_position, start_utc);
        CREATE INDEX ix_conflicts_booking ON rm_conflicts (booking_id);
        CREATE INDEX ix_conflicts_other ON rm_conflicts (other_booking_id);
        CREATE INDEX ix_conflicts_opened ON rm_conflicts (opened_position);
        CREATE INDEX ix_conflict_booking_clinicians_booking ON rm_conflict_booking_clinicians (booking_id);
        """;

    // Every index is made with the tables, not after a rebuild's loading: applying a booking looks up the patient's, the
    // room's and the booking's own rows, and without them a rebuild of a long log would scan the tables once per event.
    public string Indexes => "";

    private static string Inactive(Guid clinicianId) => $"inactive:{clinicianId}";

    private static string RoomClosed(Guid roomId) => $"room-closed:{roomId}";

    private static string PartLost(Guid bookingId, Guid clinicianId) => $"part-lost:{bookingId}:{clinicianId}";

    /// <summary>The part was lost by the clinician taking their time back, not by their day being cancelled.</summary>
    private static string PartRemoved(Guid bookingId, Guid clinicianId) => $"{PartLost(bookingId, clinicianId)}:removed";

    /// <summary>A new time or new parts (or none: cancelled) leave none of the appointment's parts lost.</summary>
    private static Task ForgetLostPartsAsync(SqlSession db, Guid bookingId, CancellationToken ct) =>
        db.ExecuteAsync("DELETE FROM rm_conflict_facts WHERE fact LIKE @prefix;", ct, ("@prefix", $"part-lost:{bookingId}:%"));

    private sealed record LiveAppointment(
        Guid AppointmentId, Guid PatientId, Guid ClinicianId, Guid? RoomId, long StartMs, long EndMs, string? OverrideBy, string? OverrideReason,
        IReadOnlyList<Guid> Clinicians);

    /// <summary>A conflict as it should stand: its key says what clashes (one per appointment and kind, one per pair of appointments).</summary>
    private sealed record Wanted(string Key, string Kind, LiveAppointment Appointment, Guid? Other, string? OverrideBy, string? OverrideReason);

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        IReadOnlyList<Guid> touched;
        string resolution;
        switch (stored.Event)
        {
            case DayScheduled { RoomId: { } room } e:
                foreach (var slot in e.Slots)
                    await db.ExecuteAsync("INSERT INTO rm_conflict_room_slots (slot_id, room_id) VALUES (@slot, @room) ON CONFLICT (slot_id) DO UPDATE SET room_id = excluded.room_id;", ct,
                        ("@slot", slot.SlotId), ("@room", room));
                return;
            case SlotsRemoved e:
                if (e.LostParts is { Count: > 0 })
                    foreach (var slot in e.SlotIds)
                        await db.ExecuteAsync("DELETE FROM rm_conflict_booking_slots WHERE slot_id = @slot;", ct, ("@slot", slot));
                if (e.RoomIds is { Count: > 0 })
                    foreach (var slot in e.SlotIds)
                        await db.ExecuteAsync("DELETE FROM rm_conflict_room_slots WHERE slot_id = @slot;", ct, ("@slot", slot));
                if (e.LostParts is not { Count: > 0 } removed)
                    return;
                foreach (var lost in removed)
                    await db.ExecuteAsync("INSERT INTO rm_conflict_facts (fact) VALUES (@fact) ON CONFLICT DO NOTHING;", ct, ("@fact", PartRemoved(lost.AppointmentId, e.ClinicianId)));
                (touched, resolution) = (removed.Select(p => p.AppointmentId).ToArray(), "time taken back");
                break;
            case SlotsBooked e:
                await KeepAsync(db, e.AppointmentId, e.PatientId, e.Clinicians.ToArray(), e.RoomId, e.Slots, e.Parts, e.OverrideReason is null ? null : e.BookedBy, e.OverrideReason, ct);
                (touched, resolution) = ([e.AppointmentId], "booked");
                break;
            case AppointmentMoved e:
                await ForgetLostPartsAsync(db, e.AppointmentId, ct);
                await KeepAsync(db, e.AppointmentId, e.PatientId, e.ToClinicians.ToArray(), e.ToRoomId, e.ToSlots, e.ToParts, e.OverrideReason is null ? null : e.By, e.OverrideReason, ct);
                (touched, resolution) = ([e.AppointmentId], e.IsReassignment ? "reassigned" : e.IsRoomChange ? "room changed" : "moved");
                break;
            case AppointmentCancelled e:
                await ForgetLostPartsAsync(db, e.AppointmentId, ct);
                await ForgetAsync(db, e.AppointmentId, ct);
                (touched, resolution) = ([e.AppointmentId], "cancelled");
                break;
            case DayCancelled e:
                foreach (var booking in e.CancelledAppointments)
                    await ForgetAsync(db, booking.AppointmentId, ct);
                foreach (var lost in e.LostParts ?? [])
                    await db.ExecuteAsync("INSERT INTO rm_conflict_facts (fact) VALUES (@fact) ON CONFLICT DO NOTHING;", ct, ("@fact", PartLost(lost.AppointmentId, e.ClinicianId)));
                (touched, resolution) = ([.. e.CancelledAppointments.Select(b => b.AppointmentId), .. (e.LostParts ?? []).Select(p => p.AppointmentId)], "day cancelled");
                break;
            case ClinicianDeactivated e:
                await db.ExecuteAsync("INSERT INTO rm_conflict_facts (fact) VALUES (@fact) ON CONFLICT DO NOTHING;", ct, ("@fact", Inactive(e.ClinicianId)));
                (touched, resolution) = (await ClinicianAppointmentsAsync(db, e.ClinicianId, stored.RecordedAt, ct), "clinician deactivated");
                break;
            case ClinicianReactivated e:
                await db.ExecuteAsync("DELETE FROM rm_conflict_facts WHERE fact = @fact;", ct, ("@fact", Inactive(e.ClinicianId)));
                (touched, resolution) = (await ClinicianAppointmentsAsync(db, e.ClinicianId, stored.RecordedAt, ct), "clinician reactivated");
                break;
            case RoomDefined e:
                await db.ExecuteAsync(e.InUse ? "DELETE FROM rm_conflict_facts WHERE fact = @fact;" : "INSERT INTO rm_conflict_facts (fact) VALUES (@fact) ON CONFLICT DO NOTHING;",
                    ct, ("@fact", RoomClosed(e.RoomId)));
                (touched, resolution) = (await AppointmentsAsync(db, "room_id", e.RoomId, stored.RecordedAt, ct), "room back in use");
                break;
            default:
                return;
        }
        foreach (var bookingId in touched)
            await ReconcileAsync(db, bookingId, stored, resolution, ct);
    }

    private static async Task KeepAsync(
        SqlSession db, Guid bookingId, Guid patientId, IReadOnlyList<Guid> clinicians, Guid? loggedRoom, IReadOnlyList<ScheduledSlot> slots,
        IReadOnlyList<BookedPart>? parts, string? overrideBy, string? overrideReason, CancellationToken ct)
    {
        // The room the event names; an event logged before appointments named their room: the room its slots' block was in.
        var room = loggedRoom;
        foreach (var slot in parts is { Count: > 0 } ? parts.Select(p => p.SlotIds[0]) : [slots[0].SlotId])
            room ??= (await db.RowsAsync<Guid>("SELECT room_id FROM rm_conflict_room_slots WHERE slot_id = @slot;", ct, ("@slot", slot)))
                .Cast<Guid?>().SingleOrDefault();
        await db.ExecuteAsync(
            """
            INSERT INTO rm_conflict_bookings (booking_id, patient_id, clinician_id, clinician_ids, room_id, start_utc, end_utc, override_by, override_reason)
            VALUES (@booking, @patient, @clinician, @clinicians, @room, @start, @end, @overrideBy, @overrideReason)
            ON CONFLICT (booking_id) DO UPDATE SET patient_id = excluded.patient_id, clinician_id = excluded.clinician_id,
                clinician_ids = excluded.clinician_ids, room_id = excluded.room_id, start_utc = excluded.start_utc, end_utc = excluded.end_utc,
                override_by = excluded.override_by, override_reason = excluded.override_reason;
            """,
            ct, ("@booking", bookingId), ("@patient", patientId), ("@clinician", clinicians[0]), ("@clinicians", Ids(clinicians)), ("@room", room),
            ("@start", Ms(slots.Min(s => s.StartUtc))), ("@end", Ms(slots.Max(s => s.EndUtc))), ("@overrideBy", overrideBy), ("@overrideReason", overrideReason));
        await db.ExecuteAsync("DELETE FROM rm_conflict_booking_clinicians WHERE booking_id = @booking;", ct, ("@booking", bookingId));
        foreach (var clinician in clinicians)
            await db.ExecuteAsync("INSERT INTO rm_conflict_booking_clinicians (clinician_id, booking_id) VALUES (@clinician, @booking);", ct,
                ("@clinician", clinician), ("@booking", bookingId));
        await db.ExecuteAsync("DELETE FROM rm_conflict_booking_slots WHERE booking_id = @booking;", ct, ("@booking", bookingId));
        foreach (var (slot, clinician) in parts is { Count: > 0 }
            ? parts.SelectMany(p => p.SlotIds.Select(slot => (slot, p.ClinicianId)))
            : slots.Select(s => (s.SlotId, clinicians[0])))
            await db.ExecuteAsync("INSERT INTO rm_conflict_booking_slots (slot_id, booking_id, clinician_id) VALUES (@slot, @booking, @clinician) ON CONFLICT DO NOTHING;", ct,
                ("@slot", slot), ("@booking", bookingId), ("@clinician", clinician));
    }

    private static async Task ForgetAsync(SqlSession db, Guid bookingId, CancellationToken ct)
    {
        await db.ExecuteAsync("DELETE FROM rm_conflict_bookings WHERE booking_id = @booking;", ct, ("@booking", bookingId));
        await db.ExecuteAsync("DELETE FROM rm_conflict_booking_clinicians WHERE booking_id = @booking;", ct, ("@booking", bookingId));
        await db.ExecuteAsync("DELETE FROM rm_conflict_booking_slots WHERE booking_id = @booking;", ct, ("@booking", bookingId));
    }

    /// <summary>The appointments a clinician takes part in not ended by then, and every one already on the desk with them.</summary>
    private static async Task<IReadOnlyList<Guid>> ClinicianAppointmentsAsync(SqlSession db, Guid clinicianId, DateTimeOffset at, CancellationToken ct)
    {
        var live = await db.RowsAsync<Guid>(
            """
            SELECT b.booking_id FROM rm_conflict_booking_clinicians c JOIN rm_conflict_bookings b ON b.booking_id = c.booking_id
            WHERE c.clinician_id = @id AND b.end_utc > @at;
            """, ct, ("@id", clinicianId), ("@at", Ms(at)));
        var listed = await db.RowsAsync<Guid>("SELECT booking_id FROM rm_conflicts WHERE clinician_id = @id AND resolved_position IS NULL;", ct,
            ("@id", clinicianId));
        return live.Concat(listed).Distinct().ToArray();
    }

    /// <summary>The appointments of a clinician or a room not ended by then, and every one already on the desk with them.</summary>
    private static async Task<IReadOnlyList<Guid>> AppointmentsAsync(SqlSession db, string column, Guid id, DateTimeOffset at, CancellationToken ct)
    {
        var live = await db.RowsAsync<Guid>($"SELECT booking_id FROM rm_conflict_bookings WHERE {column} = @id AND end_utc > @at;", ct,
            ("@id", id), ("@at", Ms(at)));
        var listed = await db.RowsAsync<Guid>($"SELECT booking_id FROM rm_conflicts WHERE {column} = @id AND resolved_position IS NULL;", ct,
            ("@id", id));
        return live.Concat(listed).Distinct().ToArray();
    }

    private static async Task<LiveAppointment?> AppointmentAsync(SqlSession db, Guid bookingId, CancellationToken ct) =>
        (await db.RowsAsync<LiveRow>(
            "SELECT booking_id, patient_id, clinician_id, room_id, start_utc, end_utc, override_by, override_reason, clinician_ids FROM rm_conflict_bookings WHERE booking_id = @booking;",
            ct, ("@booking", bookingId))).SingleOrDefault()?.View;

    /// <summary>A row of <c>rm_conflict_bookings</c>, by column name.</summary>
    private class LiveRow
    {
        public Guid AppointmentId { get; init; }
        public Guid PatientId { get; init; }
        public Guid ClinicianId { get; init; }
        public Guid? RoomId { get; init; }
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }
        public string? OverrideBy { get; init; }
        public string? OverrideReason { get; init; }
        public string ClinicianIds { get; init; } = "";

        public LiveAppointment View => new(AppointmentId, PatientId, ClinicianId, RoomId, StartUtc, EndUtc, OverrideBy, OverrideReason, ParseIds(ClinicianIds)!);
    }

    /// <summary>Another appointment holding one of this one's slots, and the clinician whose slot it is.</summary>
    private sealed class ClashRow : LiveRow
    {
        public Guid SharedClinicianId { get; init; }
    }

    private sealed class OpenKey
    {
        public string ConflictId { get; init; } = "";
        public string ConflictKey { get; init; } = "";
    }
}
