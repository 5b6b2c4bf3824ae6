using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>Turns a doctor's day, as the read model has it, into a calendar column.</summary>
public static class ScheduleColumns
{
    /// <summary>
    /// Free slots one by one (past ones marked past), and each live booking as one block over all its slots,
    /// labelled with the patient's name. A cancelled day keeps its note; its bookings are listed elsewhere.
    /// </summary>
    public static GridColumn For(
        string title, DoctorDayView day, IReadOnlyList<DayBooking> bookings, IReadOnlyDictionary<Guid, string> patientNames, DateTimeOffset now)
    {
        var blocks = new List<GridBlock>();
        foreach (var slot in day.Slots.Where(s => !s.IsBooked))
            blocks.Add(new GridBlock(slot.StartUtc, slot.EndUtc, slot.StartUtc <= now ? GridBlockKind.Past : GridBlockKind.Free, "free", SlotId: slot.SlotId));

        var live = day.Slots.Where(s => s.BookingId is not null).Select(s => s.BookingId!.Value).ToHashSet();
        foreach (var booking in bookings.Where(b => b.Cancelled is null && live.Contains(b.BookingId)))
        {
            var badge = booking.VisitOutcome switch
            {
                "Arrived" => "arrived",
                "NoShow" => "no-show",
                _ => booking.SlotCount > 1 ? "double" : null,
            };
            blocks.Add(new GridBlock(booking.StartUtc, booking.EndUtc, GridBlockKind.Booked,
                patientNames.GetValueOrDefault(booking.PatientId, "A patient"), BookingId: booking.BookingId, Badge: badge));
        }

        var note = day.Cancelled ? $"Cancelled: {day.CancelReason}" : day.Slots.Count == 0 ? "No slots scheduled." : $"{day.Slots.Count} slots, {live.Count} booked";
        return new GridColumn(title, day.Date, blocks.OrderBy(b => b.StartUtc).ToArray(), day.Cancelled, note);
    }
}
