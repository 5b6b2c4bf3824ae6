using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Scheduling;

public sealed class CancelDayDecider : IDecider<CancelDay, ClinicianDay, DayCancelled>
{
    public static Query QueryFor(CancelDay command) => ClinicianDay.QueryFor(command.ClinicianId, command.Date);
    public static ClinicianDay Initial(CancelDay command) => ClinicianDay.Empty(command.ClinicianId, command.Date);
    public static ClinicianDay Evolve(ClinicianDay state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<DayCancelled>> Decide(CancelDay command, ClinicianDay day)
    {
        if (!command.By.MayManageDaysOf(command.ClinicianId))
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
        var bookings = day.Appointments.Values.OrderBy(b => b.Slots[0].StartUtc).ToArray();
        var lost = bookings.Where(b => b.Parts is { Count: > 1 })
            .Select(b => (Appointment: b, Part: b.Parts!.Single(p => p.ClinicianId == command.ClinicianId)))
            .Select(lost => new LostPart(lost.Appointment.AppointmentId, lost.Appointment.PatientId, lost.Part.Kind, lost.Part.SlotIds))
            .ToArray();
        return new DayCancelled[]
        {
            new DayCancelled(command.ClinicianId, command.Date, command.Reason.Trim(),
                day.Slots.Values.OrderBy(s => s.StartUtc).Select(s => s.SlotId).ToArray(),
                bookings.Where(b => b.Parts is not { Count: > 1 }).ToArray(), command.By.Name, day.RoomsOf(day.Slots.Keys),
                lost.Length > 0 ? lost : null),
        };
    }
}
