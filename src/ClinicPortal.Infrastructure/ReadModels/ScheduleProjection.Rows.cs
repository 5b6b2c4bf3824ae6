using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>The row changes the schedule's events share: holds, releases, parts, usage and the slots a booking keeps.</summary>
public sealed partial class ScheduleProjection
{
    /// <summary>A hold ended (confirmed, released, expired): its slots are no longer kept by it.</summary>
    private static async Task EndHoldAsync(SqlSession db, Guid holdId, IReadOnlyList<ScheduledSlot> slots, CancellationToken ct)
    {
        foreach (var slot in slots)
            await db.ExecuteAsync("UPDATE rm_slots SET hold_id = NULL, held_until = NULL WHERE slot_id = @slot AND hold_id = @hold;", ct,
                ("@slot", slot.SlotId), ("@hold", holdId));
    }

    /// <summary>The booking holds the slot: as the one it shows, or, when another holds it already (staff booked over the clash), beside it.</summary>
    private static async Task HoldAsync(SqlSession db, Guid slotId, Guid bookingId, Guid patientId, CancellationToken ct)
    {
        var shown = await db.ExecuteCountAsync(
            "UPDATE rm_slots SET booking_id = @booking, patient_id = @patient WHERE slot_id = @slot AND (booking_id IS NULL OR booking_id = @booking);",
            ct, ("@booking", bookingId), ("@patient", patientId), ("@slot", slotId));
        if (shown == 0)
            await db.ExecuteAsync(
                "INSERT INTO rm_slot_overbookings (slot_id, booking_id, patient_id) SELECT slot_id, @booking, @patient FROM rm_slots WHERE slot_id = @slot ON CONFLICT DO NOTHING;",
                ct, ("@booking", bookingId), ("@patient", patientId), ("@slot", slotId));
    }

    /// <summary>The booking lets the slot go: when it was the one shown, the next booking holding it (if any) is shown instead.</summary>
    private static async Task ReleaseAsync(SqlSession db, Guid slotId, Guid bookingId, CancellationToken ct)
    {
        await db.ExecuteAsync("DELETE FROM rm_slot_overbookings WHERE slot_id = @slot AND booking_id = @booking;", ct,
            ("@slot", slotId), ("@booking", bookingId));
        var freed = await db.ExecuteCountAsync(
            "UPDATE rm_slots SET booking_id = NULL, patient_id = NULL WHERE slot_id = @slot AND booking_id = @booking;",
            ct, ("@slot", slotId), ("@booking", bookingId));
        if (freed == 0)
            return;
        var next = (await db.RowsAsync<Overbooking>(
            "SELECT booking_id, patient_id FROM rm_slot_overbookings WHERE slot_id = @slot ORDER BY booking_id LIMIT 1;", ct, ("@slot", slotId)))
            .SingleOrDefault();
        if (next is null)
            return;
        await db.ExecuteAsync("DELETE FROM rm_slot_overbookings WHERE slot_id = @slot AND booking_id = @booking;", ct,
            ("@slot", slotId), ("@booking", next.AppointmentId));
        await db.ExecuteAsync("UPDATE rm_slots SET booking_id = @booking, patient_id = @patient WHERE slot_id = @slot;", ct,
            ("@slot", slotId), ("@booking", next.AppointmentId), ("@patient", next.PatientId));
    }

    /// <summary>
    /// The visit's room: the one its event names, or (logged before appointments named their room) its clinician's, or the
    /// room of whichever part is in one (every part in a room is in the same one).
    /// </summary>
    internal static async Task<Guid?> RoomOfAsync(
        SqlSession db, Guid? logged, IReadOnlyList<ScheduledSlot> slots, IReadOnlyList<BookedPart>? parts, CancellationToken ct)
    {
        if (logged is { } room)
            return room;
        foreach (var slot in parts is { Count: > 0 } ? parts.Select(p => p.SlotIds[0]) : [slots[0].SlotId])
            if ((await db.RowsAsync<Guid>("SELECT room_id FROM rm_slots WHERE slot_id = @slot AND room_id IS NOT NULL;", ct, ("@slot", slot))) is [var inRoom])
                return inRoom;
        return null;
    }

    /// <summary>One row per clinician of the booking: their part's kind (null for a visit of one clinician), start and end.</summary>
    private static async Task KeepPartsAsync(
        SqlSession db, Guid bookingId, Guid clinicianId, DateOnly date, IReadOnlyList<ScheduledSlot> slots, IReadOnlyList<BookedPart>? parts, CancellationToken ct)
    {
        var byId = slots.ToDictionary(s => s.SlotId);
        foreach (var (clinician, kind, own) in parts is { Count: > 0 }
            ? parts.Select(p => (p.ClinicianId, (string?)p.Kind.ToString(), p.SlotIds.Select(id => byId[id]).ToArray()))
            : [(clinicianId, null, slots.ToArray())])
        {
            await db.ExecuteAsync(
                "INSERT INTO rm_booking_parts (booking_id, doctor_id, kind, date, start_utc, end_utc) VALUES (@booking, @doctor, @kind, @date, @start, @end);",
                ct, ("@booking", bookingId), ("@doctor", clinician), ("@kind", (object?)kind ?? DBNull.Value), ("@date", Day(date)),
                ("@start", Ms(own.Min(s => s.StartUtc))), ("@end", Ms(own.Max(s => s.EndUtc))));
        }
    }

    private static Task CancelAppointmentAsync(SqlSession db, Guid bookingId, string reason, CancellationToken ct) =>
        db.ExecuteAsync("UPDATE rm_bookings SET cancelled = @reason WHERE booking_id = @booking;", ct, ("@reason", reason), ("@booking", bookingId));

    private static Task AddUsageAsync(SqlSession db, Guid patientId, DateOnly date, int slots, CancellationToken ct) =>
        db.ExecuteAsync(
            """
            INSERT INTO rm_monthly_usage (patient_id, month, slots) VALUES (@patient, @month, @slots)
            ON CONFLICT (patient_id, month) DO UPDATE SET slots = rm_monthly_usage.slots + excluded.slots;
            """,
            ct, ("@patient", patientId), ("@month", PracticeTime.MonthOf(date)), ("@slots", slots));

    /// <summary>A booking's slots now, in its order (those it held before, if any, are replaced).</summary>
    private static async Task KeepSlotsAsync(SqlSession db, Guid bookingId, IReadOnlyList<ScheduledSlot> slots, CancellationToken ct)
    {
        await db.ExecuteAsync("DELETE FROM rm_booking_slots WHERE booking_id = @booking;", ct, ("@booking", bookingId));
        for (var i = 0; i < slots.Count; i++)
            await db.ExecuteAsync("INSERT INTO rm_booking_slots (booking_id, ordinal, slot_id) VALUES (@booking, @ordinal, @slot);",
                ct, ("@booking", bookingId), ("@ordinal", i), ("@slot", slots[i].SlotId));
    }


    /// <summary>A booking staff booked into a slot over the clinician's clash (a row of <c>rm_slot_overbookings</c>).</summary>
    private sealed class Overbooking
    {
        public Guid AppointmentId { get; init; }
        public Guid PatientId { get; init; }
    }
}
