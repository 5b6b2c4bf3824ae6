using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

public sealed class CancelDayDecider : IDecider<CancelDay, DoctorDay, DayCancelled>
{
    public static Query QueryFor(CancelDay command) => DoctorDay.QueryFor(command.DoctorId, command.Date);
    public static DoctorDay Initial(CancelDay command) => DoctorDay.Empty(command.DoctorId, command.Date);
    public static DoctorDay Evolve(DoctorDay state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<DayCancelled>> Decide(CancelDay command, DoctorDay day)
    {
        if (!command.By.MayManageDaysOf(command.DoctorId))
            return Rejection.NotYourDay;
        if (string.IsNullOrWhiteSpace(command.Reason))
            return Rejection.ReasonRequired;
        if (day.Cancelled)
            return Rejection.DayAlreadyCancelled;
        if (day.Slots.Count == 0)
            return Rejection.DayNotScheduled;
        if (day.Slots.Values.All(slot => slot.StartUtc <= command.Now))
            return Rejection.DayInPast;

        // The clinician's own visits fall with the day; a visit with others loses only the clinician's part.
        var bookings = day.Bookings.Values.OrderBy(b => b.Slots[0].StartUtc).ToArray();
        var lost = bookings.Where(b => b.Parts is { Count: > 1 })
            .Select(b => (Booking: b, Part: b.Parts!.Single(p => p.ClinicianId == command.DoctorId)))
            .Select(lost => new LostPart(lost.Booking.BookingId, lost.Booking.PatientId, lost.Part.Kind, lost.Part.SlotIds))
            .ToArray();
        return new DayCancelled[]
        {
            new DayCancelled(command.DoctorId, command.Date, command.Reason.Trim(),
                day.Slots.Values.OrderBy(s => s.StartUtc).Select(s => s.SlotId).ToArray(),
                bookings.Where(b => b.Parts is not { Count: > 1 }).ToArray(), command.By.Name, day.RoomsOf(day.Slots.Keys),
                lost.Length > 0 ? lost : null),
        };
    }
}
