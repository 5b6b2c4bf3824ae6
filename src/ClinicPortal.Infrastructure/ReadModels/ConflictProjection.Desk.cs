using ClinicPortal.Application;
using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>What the desk should hold for an appointment after an event, and bringing the desk to it.</summary>
public sealed partial class ConflictProjection
{
    private static async Task<bool> HoldsAsync(SqlSession db, string fact, CancellationToken ct) =>
        await db.ScalarAsync("SELECT 1 FROM rm_conflict_facts WHERE fact = @fact;", ct, ("@fact", fact)) is not null;

    /// <summary>What should be on the desk for one appointment after the event.</summary>
    private static async Task<List<Wanted>> WantedAsync(SqlSession db, LiveAppointment? booking, DateTimeOffset at, CancellationToken ct)
    {
        var wanted = new List<Wanted>();
        if (booking is null || booking.EndMs <= Ms(at))
            return wanted;
        foreach (var clinician in booking.Clinicians)
        {
            var kind = await HoldsAsync(db, PartLost(booking.AppointmentId, clinician), ct) ? ConflictKinds.PartDayCancelled
                : await HoldsAsync(db, PartRemoved(booking.AppointmentId, clinician), ct) ? ConflictKinds.PartTimeRemoved
                : null;
            if (kind is not null)
                wanted.Add(new($"{kind}:{booking.AppointmentId}:{clinician}", kind, booking with { ClinicianId = clinician }, null, null, null));
        }
        // One conflict per appointment whose clinician (for a visit of several, any of its clinicians) is inactive, naming them.
        foreach (var clinician in booking.Clinicians)
            if (await HoldsAsync(db, Inactive(clinician), ct))
            {
                wanted.Add(new($"{ConflictKinds.ClinicianInactive}:{booking.AppointmentId}", ConflictKinds.ClinicianInactive, booking with { ClinicianId = clinician },
                    null, null, null));
                break;
            }
        if (booking.RoomId is { } room && await HoldsAsync(db, RoomClosed(room), ct))
            wanted.Add(new($"{ConflictKinds.RoomOutOfUse}:{booking.AppointmentId}", ConflictKinds.RoomOutOfUse, booking, null, null, null));
        const string Columns = "booking_id, patient_id, clinician_id, room_id, start_utc, end_utc, override_by, override_reason, clinician_ids";
        foreach (var other in await db.RowsAsync<LiveRow>(
            $"SELECT {Columns} FROM rm_conflict_bookings WHERE patient_id = @patient AND booking_id <> @booking AND start_utc < @end AND @start < end_utc;",
            ct, ("@patient", booking.PatientId), ("@booking", booking.AppointmentId), ("@start", booking.StartMs), ("@end", booking.EndMs)))
            wanted.Add(Pair(ConflictKinds.PatientDoubleBooked, booking, other.View));
        if (booking.RoomId is { } inRoom)
            foreach (var other in await db.RowsAsync<LiveRow>(
                $"SELECT {Columns} FROM rm_conflict_bookings WHERE room_id = @room AND booking_id <> @booking AND start_utc < @end AND @start < end_utc;",
                ct, ("@room", inRoom), ("@booking", booking.AppointmentId), ("@start", booking.StartMs), ("@end", booking.EndMs)))
                wanted.Add(Pair(ConflictKinds.RoomDoubleBooked, booking, other.View));
        // Two appointments holding one of a clinician's slots: the clinician has two patients at once (named on the conflict).
        foreach (var other in await db.RowsAsync<ClashRow>(
            $"""
            SELECT DISTINCT {string.Join(", ", Columns.Split(", ").Select(c => $"b.{c}"))}, mine.clinician_id AS shared_clinician_id
            FROM rm_conflict_booking_slots mine
            JOIN rm_conflict_booking_slots theirs ON theirs.slot_id = mine.slot_id AND theirs.booking_id <> mine.booking_id
            JOIN rm_conflict_bookings b ON b.booking_id = theirs.booking_id
            WHERE mine.booking_id = @booking;
            """,
            ct, ("@booking", booking.AppointmentId)))
            wanted.Add(Pair(ConflictKinds.ClinicianDoubleBooked, booking with { ClinicianId = other.SharedClinicianId }, other.View));
        return wanted.DistinctBy(w => w.Key).ToList();
    }

    /// <summary>
    /// One conflict per pair of clashing appointments, whichever of the two the event touched; the override is the one that
    /// made the clash.
    /// </summary>
    private static Wanted Pair(string kind, LiveAppointment booking, LiveAppointment other)
    {
        var (first, second) = string.CompareOrdinal(booking.AppointmentId.ToString(), other.AppointmentId.ToString()) < 0
            ? (booking.AppointmentId, other.AppointmentId)
            : (other.AppointmentId, booking.AppointmentId);
        var (by, reason) = booking.OverrideReason is not null ? (booking.OverrideBy, booking.OverrideReason) : (other.OverrideBy, other.OverrideReason);
        return new($"{kind}:{first}:{second}", kind, booking, other.AppointmentId, by, reason);
    }

    private static async Task ReconcileAsync(SqlSession db, Guid bookingId, StoredEvent stored, string resolution, CancellationToken ct)
    {
        var wanted = await WantedAsync(db, await AppointmentAsync(db, bookingId, ct), stored.RecordedAt, ct);
        var open = (await db.RowsAsync<OpenKey>(
            "SELECT conflict_id, conflict_key FROM rm_conflicts WHERE (booking_id = @booking OR other_booking_id = @booking) AND resolved_position IS NULL;",
            ct, ("@booking", bookingId))).Select(o => (Id: o.ConflictId, Key: o.ConflictKey)).ToArray();

        foreach (var (conflictId, _) in open.Where(o => wanted.All(w => w.Key != o.Key)))
        {
            await db.ExecuteAsync(
                """
                UPDATE rm_conflicts SET resolved_at = @at, resolved_position = @position, resolved_by = @by, resolution = @how
                WHERE conflict_id = @id;
                """,
                ct, ("@id", conflictId), ("@at", Ms(stored.RecordedAt)), ("@position", stored.Position), ("@by", stored.CausedBy), ("@how", resolution));
        }
        if (wanted.Count > 0 && open.Length > 0)
        {
            // A conflict that stands after the change follows its appointment's new time and clinician.
            var kept = wanted[0].Appointment;
            await db.ExecuteAsync(
                """
                UPDATE rm_conflicts SET clinician_id = @clinician, room_id = @room, start_utc = @start, end_utc = @end
                WHERE booking_id = @booking AND resolved_position IS NULL;
                """,
                ct, ("@booking", kept.AppointmentId), ("@clinician", kept.ClinicianId), ("@room", kept.RoomId),
                ("@start", kept.StartMs), ("@end", kept.EndMs));
        }
        foreach (var conflict in wanted.Where(w => open.All(o => o.Key != w.Key)))
        {
            var booking = conflict.Appointment;
            await db.ExecuteAsync(
                """
                INSERT INTO rm_conflicts (conflict_id, conflict_key, kind, booking_id, other_booking_id, patient_id, clinician_id, room_id,
                    start_utc, end_utc, opened_at, opened_position, opened_by, override_by, override_reason)
                VALUES (@id, @key, @kind, @booking, @other, @patient, @clinician, @room, @start, @end, @at, @position, @by, @overrideBy, @overrideReason);
                """,
                ct, ("@id", $"{conflict.Key}@{stored.Position}"), ("@key", conflict.Key), ("@kind", conflict.Kind), ("@booking", booking.AppointmentId),
                ("@other", conflict.Other), ("@patient", booking.PatientId), ("@clinician", booking.ClinicianId),
                ("@room", booking.RoomId), ("@start", booking.StartMs), ("@end", booking.EndMs), ("@at", Ms(stored.RecordedAt)),
                ("@position", stored.Position), ("@by", stored.CausedBy), ("@overrideBy", conflict.OverrideBy), ("@overrideReason", conflict.OverrideReason));
        }
    }
}
