using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>Turns a clinician's day, as the read model has it, into a calendar column.</summary>
public static class ScheduleColumns
{
    /// <summary>
    /// Free slots one by one (past ones marked past, time kept for staff marked so, with their room), and each live booking as one block
    /// over all its slots, labelled with the patient's name and badged with its visit type in the visit type's colour
    /// (or with the visit's outcome once marked). A cancelled day keeps its note; its bookings are listed elsewhere. A
    /// <paramref name="deactivated"/> clinician's free time says it cannot be booked, and their column says why.
    /// </summary>
    public static GridColumn For(
        string title, ClinicianDayView day, IReadOnlyList<DayAppointment> bookings, StaffDays names, DateTimeOffset now, bool deactivated = false)
    {
        var blocks = new List<GridBlock>();
        foreach (var slot in day.Slots.Where(s => !s.IsBooked))
            blocks.Add(slot.StartUtc <= now ? new GridBlock(slot.StartUtc, slot.EndUtc, GridBlockKind.Past, FreeLabel(slot, names), SlotId: slot.SlotId)
                : deactivated ? new GridBlock(slot.StartUtc, slot.EndUtc, GridBlockKind.Unavailable, "not bookable", SlotId: slot.SlotId)
                : new GridBlock(slot.StartUtc, slot.EndUtc, GridBlockKind.Free, slot.HeldAt(now) ? $"held, {FreeLabel(slot, names)}" : FreeLabel(slot, names),
                    SlotId: slot.SlotId));

        var live = day.Slots.SelectMany(s => s.Holders).ToHashSet(); // a patient booked over another's time is a block beside theirs
        foreach (var booking in bookings.Where(b => b.Cancelled is null && live.Contains(b.AppointmentId)))
        {
            var visitType = names.VisitTypes.GetValueOrDefault(booking.VisitTypeId);
            var badge = booking.VisitOutcome switch
            {
                "Arrived" => "arrived",
                "NoShow" => "no-show",
                _ => booking.SeriesId is null ? visitType?.Name : $"{visitType?.Name ?? "visit"} · series",
            };
            blocks.Add(new GridBlock(booking.StartUtc, booking.EndUtc, GridBlockKind.Booked,
                names.Names.GetValueOrDefault(booking.PatientId, "A patient"), AppointmentId: booking.AppointmentId, Badge: badge, Colour: visitType?.Colour));
        }

        var held = day.Slots.Count(s => s.StartUtc > now && s.HeldAt(now));
        var note = day.Cancelled ? $"Cancelled: {day.CancelReason}"
            : day.Slots.Count == 0 ? "No slots scheduled."
            : $"{day.Slots.Count} slots, {day.Slots.Count(s => s.IsBooked)} booked"
                + (live.Count > 0 ? $" ({live.Count} {(live.Count == 1 ? "appointment" : "appointments")})" : "")
                + (held > 0 ? $", {held} held now by patients confirming" : ""); // slots, as the dashboard counts them, and appointments
        if (deactivated)
            (title, note) = ($"{title} (deactivated)", $"Deactivated: no one can book them. {note}");
        return new GridColumn(title, day.Date, blocks.OrderBy(b => b.StartUtc).ToArray(), day.Cancelled, note);
    }

    private static string FreeLabel(ClinicianDaySlot slot, StaffDays names)
    {
        var terms = slot.StaffOnly ? "staff only"
            : slot.OnlyFor is { } only ? $"for {string.Join(", ", only.Select(id => names.VisitTypes.GetValueOrDefault(id)?.Name ?? "a visit type"))}"
            : "free";
        return names.RoomName(slot.RoomId) is { } room ? $"{terms}, {room}" : terms;
    }
}
