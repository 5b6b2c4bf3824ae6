namespace ClinicPortal.Domain.Booking;

public sealed class SendReminderDecider : IDecider<SendReminder, AppointmentState, ReminderSent>
{
    public static EventStore.Query QueryFor(SendReminder command) => AppointmentState.QueryFor(command.AppointmentId);
    public static AppointmentState Initial(SendReminder command) => AppointmentState.None(command.AppointmentId);
    public static AppointmentState Evolve(AppointmentState state, IClinicEvent @event) => state.Evolve(@event);

    /// <summary>
    /// Once for each time the appointment is at: nothing for one cancelled, marked, already reminded of this time, begun,
    /// or not yet within the hours. One booked or moved within them is recorded as reminded with no email
    /// (<see cref="ReminderSent.Skipped"/>): the patient was just told.
    /// </summary>
    public static Checked<IReadOnlyList<ReminderSent>> Decide(SendReminder command, AppointmentState booking)
    {
        if (command.By.Role != Role.System)
            return Rejection.NotAllowed;
        if (!booking.Exists || booking.Cancelled || booking.Visit is not null || command.HoursBefore <= 0)
            return Array.Empty<ReminderSent>();
        var start = booking.StartUtc;
        if (booking.RemindedFor == start || command.Now >= start || command.Now < start - command.Lead)
            return Array.Empty<ReminderSent>();
        return new[]
        {
            new ReminderSent(booking.AppointmentId, booking.PatientId, booking.ClinicianId, booking.Date, booking.Slots, command.HoursBefore, booking.Parts,
                booking.RoomId, Skipped: command.TimeSetAt > start - command.Lead),
        };
    }
}
