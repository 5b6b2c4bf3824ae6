using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The tables pages read: every live slot with its state (available slots of a day, a clinician's day),
/// every booking (a patient's bookings), each clinician day's status, and each patient's booked slots per month.
/// Instants are stored as Unix milliseconds, dates as the practice's yyyy-MM-dd. (Clinicians of every kind are in
/// the <c>doctor_id</c> columns, the name the log has always used.) Version 2: staff-only and visit-type-limited
/// slots, and each booking's visit type and reason. Version 3: each slot's and each booking's room. Version 4: each
/// booking's parts, one per clinician (every booking has one; a visit of several clinicians one each), which each
/// clinician's calendar shows; a booking's own start and end are the patient's, from its first part to its last.
/// Version 5: a slot staff booked a second patient into over the clinician's clash keeps its first holder in
/// <c>rm_slots</c> and the others in <c>rm_slot_overbookings</c>; when the one shown goes, the next one takes its place.
/// Version 6: the hold keeping a slot while a patient confirms (<c>hold_id</c>) and until when (<c>held_until</c>).
/// Version 7: a booking's slots are rows of <c>rm_booking_slots</c> (in the booking's order), not a list in a text column.
/// Version 8: the series a booking was booked in (<c>series_id</c>).
/// </summary>
public sealed partial class ScheduleProjection : IProjection
{
    public string Name => "schedule";
    public int Version => 8;
    public IReadOnlyList<string> Tables => ["rm_slots", "rm_slot_overbookings", "rm_bookings", "rm_booking_slots", "rm_booking_parts", "rm_doctor_days", "rm_monthly_usage"];

    public string Schema(SqlDialect sql) => $"""
        CREATE TABLE rm_slots (
            slot_id    {sql.Uuid} PRIMARY KEY,
            doctor_id  {sql.Uuid} NOT NULL,
            date       TEXT NOT NULL,
            start_utc  BIGINT NOT NULL,
            booking_id {sql.Uuid},
            patient_id {sql.Uuid},
            staff_only {sql.Flag} NOT NULL DEFAULT FALSE,
            only_for   TEXT,
            room_id    {sql.Uuid},
            hold_id    {sql.Uuid},
            held_until BIGINT
        );
        CREATE TABLE rm_slot_overbookings (
            slot_id    {sql.Uuid} NOT NULL,
            booking_id {sql.Uuid} NOT NULL,
            patient_id {sql.Uuid} NOT NULL,
            PRIMARY KEY (slot_id, booking_id)
        ) {sql.KeyedTable};
        CREATE TABLE rm_bookings (
            booking_id    {sql.Uuid} PRIMARY KEY,
            patient_id    {sql.Uuid} NOT NULL,
            doctor_id     {sql.Uuid} NOT NULL,
            date          TEXT NOT NULL,
            start_utc     BIGINT NOT NULL,
            end_utc       BIGINT NOT NULL,
            slot_count    BIGINT NOT NULL,
            booked_by     TEXT NOT NULL,
            booked_at     BIGINT NOT NULL,
            cancelled     TEXT,
            visit_outcome TEXT,
            visit_type_id {sql.Uuid} NOT NULL,
            reason        TEXT,
            room_id       {sql.Uuid},
            clinician_ids TEXT NOT NULL,
            series_id     {sql.Uuid}
        );
        CREATE TABLE rm_booking_slots (
            booking_id {sql.Uuid} NOT NULL,
            ordinal    BIGINT NOT NULL,
            slot_id    {sql.Uuid} NOT NULL,
            PRIMARY KEY (booking_id, ordinal)
        ) {sql.KeyedTable};
        CREATE TABLE rm_booking_parts (
            booking_id {sql.Uuid} NOT NULL,
            doctor_id  {sql.Uuid} NOT NULL,
            kind       TEXT,
            date       TEXT NOT NULL,
            start_utc  BIGINT NOT NULL,
            end_utc    BIGINT NOT NULL,
            PRIMARY KEY (booking_id, doctor_id)
        ) {sql.KeyedTable};
        CREATE TABLE rm_doctor_days (
            doctor_id     {sql.Uuid} NOT NULL,
            date          TEXT NOT NULL,
            cancelled     {sql.Flag} NOT NULL DEFAULT FALSE,
            cancel_reason TEXT,
            PRIMARY KEY (doctor_id, date)
        ) {sql.KeyedTable};
        CREATE TABLE rm_monthly_usage (
            patient_id {sql.Uuid} NOT NULL,
            month      TEXT NOT NULL,
            slots      BIGINT NOT NULL,
            PRIMARY KEY (patient_id, month)
        ) {sql.KeyedTable};
        """;

    public string Indexes => """
        CREATE INDEX ix_rm_slots_day ON rm_slots (date, doctor_id, start_utc);
        CREATE INDEX ix_rm_slots_doctor_day ON rm_slots (doctor_id, date, start_utc);
        CREATE INDEX ix_rm_bookings_patient ON rm_bookings (patient_id, cancelled, start_utc);
        CREATE INDEX ix_rm_bookings_doctor_day ON rm_bookings (doctor_id, date);
        CREATE INDEX ix_rm_booking_parts_doctor_day ON rm_booking_parts (doctor_id, date);
        CREATE INDEX ix_rm_booking_slots_slot ON rm_booking_slots (slot_id);
        """;

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        switch (stored.Event)
        {
            case DayScheduled e:
                await db.ExecuteAsync(
                    "INSERT INTO rm_doctor_days (doctor_id, date) VALUES (@doctor, @date) ON CONFLICT DO NOTHING;",
                    ct, ("@doctor", e.ClinicianId), ("@date", Day(e.Date)));
                foreach (var slot in e.Slots)
                {
                    await db.ExecuteAsync(
                        "INSERT INTO rm_slots (slot_id, doctor_id, date, start_utc, staff_only, only_for, room_id) " +
                        "VALUES (@slot, @doctor, @date, @start, @staff, @only, @room);",
                        ct, ("@slot", slot.SlotId), ("@doctor", e.ClinicianId), ("@date", Day(e.Date)), ("@start", Ms(slot.StartUtc)),
                        ("@staff", e.StaffOnly), ("@only", Ids(e.OnlyFor)), ("@room", e.RoomId));
                }
                break;

            case SlotsRemoved e:
                foreach (var slotId in e.SlotIds)
                {
                    await db.ExecuteAsync("DELETE FROM rm_slots WHERE slot_id = @slot;", ct, ("@slot", slotId));
                    await db.ExecuteAsync("DELETE FROM rm_slot_overbookings WHERE slot_id = @slot;", ct, ("@slot", slotId));
                }
                break;

            case HoldPlaced e:
                foreach (var slot in e.Slots)
                    await db.ExecuteAsync("UPDATE rm_slots SET hold_id = @hold, held_until = @until WHERE slot_id = @slot;", ct,
                        ("@hold", e.HoldId), ("@until", Ms(e.ExpiresAt)), ("@slot", slot.SlotId));
                break;

            case HoldReleased e:
                await EndHoldAsync(db, e.HoldId, e.Slots, ct);
                break;

            case HoldExpired e:
                await EndHoldAsync(db, e.HoldId, e.Slots, ct);
                break;

            case SlotsBooked e:
                if (e.HoldId is { } confirmed)
                    await EndHoldAsync(db, confirmed, e.Slots, ct);
                foreach (var slot in e.Slots)
                    await HoldAsync(db, slot.SlotId, e.AppointmentId, e.PatientId, ct);
                await db.ExecuteAsync(
                    """
                    INSERT INTO rm_bookings (booking_id, patient_id, doctor_id, date, start_utc, end_utc, slot_count, booked_by, booked_at, visit_type_id, reason, room_id, clinician_ids, series_id)
                    VALUES (@booking, @patient, @doctor, @date, @start, @end, @count, @by, @at, @type, @reason, @room, @clinicians, @series);
                    """,
                    ct, ("@booking", e.AppointmentId), ("@patient", e.PatientId), ("@doctor", e.ClinicianId), ("@date", Day(e.Date)),
                    ("@start", Ms(e.Slots[0].StartUtc)), ("@end", Ms(e.Slots[^1].EndUtc)),
                    ("@count", e.Slots.PatientSlots()),
                    ("@by", e.BookedBy), ("@at", Ms(stored.RecordedAt)), ("@type", e.VisitType), ("@reason", (object?)e.Reason ?? DBNull.Value),
                    ("@room", await RoomOfAsync(db, e.RoomId, e.Slots, e.Parts, ct)), ("@clinicians", Ids(e.Clinicians.ToArray())),
                    ("@series", (object?)e.SeriesId ?? DBNull.Value));
                await KeepSlotsAsync(db, e.AppointmentId, e.Slots, ct);
                await KeepPartsAsync(db, e.AppointmentId, e.ClinicianId, e.Date, e.Slots, e.Parts, ct);
                await AddUsageAsync(db, e.PatientId, e.Date, e.Slots.PatientSlots(), ct);
                break;

            case AppointmentCancelled e:
                foreach (var slot in e.Slots)
                    await ReleaseAsync(db, slot.SlotId, e.AppointmentId, ct);
                await CancelAppointmentAsync(db, e.AppointmentId, e.Reason.ToString(), ct);
                await AddUsageAsync(db, e.PatientId, e.Date, -e.Slots.PatientSlots(), ct);
                break;

            case AppointmentMoved e:
                foreach (var slot in e.FromSlots)
                    await ReleaseAsync(db, slot.SlotId, e.AppointmentId, ct);
                foreach (var slot in e.ToSlots)
                    await HoldAsync(db, slot.SlotId, e.AppointmentId, e.PatientId, ct);
                await db.ExecuteAsync(
                    "UPDATE rm_bookings SET doctor_id = @doctor, date = @date, start_utc = @start, end_utc = @end, slot_count = @count, " +
                    "room_id = @room, clinician_ids = @clinicians WHERE booking_id = @booking;",
                    ct, ("@doctor", e.ToClinicianId), ("@date", Day(e.ToDate)), ("@start", Ms(e.ToSlots[0].StartUtc)), ("@end", Ms(e.ToSlots[^1].EndUtc)),
                    ("@count", e.ToSlots.PatientSlots()), ("@booking", e.AppointmentId),
                    ("@room", await RoomOfAsync(db, e.ToRoomId, e.ToSlots, e.ToParts, ct)), ("@clinicians", Ids(e.ToClinicians.ToArray())));
                await KeepSlotsAsync(db, e.AppointmentId, e.ToSlots, ct);
                await db.ExecuteAsync("DELETE FROM rm_booking_parts WHERE booking_id = @booking;", ct, ("@booking", e.AppointmentId));
                await KeepPartsAsync(db, e.AppointmentId, e.ToClinicianId, e.ToDate, e.ToSlots, e.ToParts, ct);
                await AddUsageAsync(db, e.PatientId, e.FromDate, -e.FromSlots.PatientSlots(), ct);
                await AddUsageAsync(db, e.PatientId, e.ToDate, e.ToSlots.PatientSlots(), ct);
                break;

            case DayCancelled e:
                await db.ExecuteAsync(
                    "DELETE FROM rm_slot_overbookings WHERE slot_id IN (SELECT slot_id FROM rm_slots WHERE doctor_id = @doctor AND date = @date);", ct,
                    ("@doctor", e.ClinicianId), ("@date", Day(e.Date)));
                await db.ExecuteAsync(
                    "DELETE FROM rm_slots WHERE doctor_id = @doctor AND date = @date;", ct, ("@doctor", e.ClinicianId), ("@date", Day(e.Date)));
                await db.ExecuteAsync(
                    """
                    INSERT INTO rm_doctor_days (doctor_id, date, cancelled, cancel_reason) VALUES (@doctor, @date, TRUE, @reason)
                    ON CONFLICT (doctor_id, date) DO UPDATE SET cancelled = TRUE, cancel_reason = excluded.cancel_reason;
                    """,
                    ct, ("@doctor", e.ClinicianId), ("@date", Day(e.Date)), ("@reason", e.Reason));
                foreach (var booking in e.CancelledAppointments)
                {
                    // An appointment with others falls whole: its other clinicians' slots are free again.
                    foreach (var slot in booking.Slots)
                        await ReleaseAsync(db, slot.SlotId, booking.AppointmentId, ct);
                    await CancelAppointmentAsync(db, booking.AppointmentId, "DayCancelled", ct);
                    await AddUsageAsync(db, booking.PatientId, e.Date, -booking.Slots.PatientSlots(), ct);
                }
                break;

            case VisitMarked e:
                await db.ExecuteAsync(
                    "UPDATE rm_bookings SET visit_outcome = @outcome WHERE booking_id = @booking;",
                    ct, ("@outcome", e.Outcome.ToString()), ("@booking", e.AppointmentId));
                break;
        }
    }
}
