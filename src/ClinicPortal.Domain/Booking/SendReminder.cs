namespace ClinicPortal.Domain.Booking;

/// <summary>
/// The practice's clock reminds the patient of their appointment <paramref name="HoursBefore"/> hours before it (what the
/// reminder timer does at its time). <paramref name="TimeSetAt"/>: when the appointment was booked or moved to the time it
/// is at, which says whether its own email came within those hours already.
/// </summary>
public sealed record SendReminder(Guid AppointmentId, Actor By, DateTimeOffset Now, int HoursBefore, DateTimeOffset TimeSetAt) : ICommand<SendReminder, SendReminderDecider, AppointmentState, ReminderSent>
{
    public TimeSpan Lead => TimeSpan.FromHours(HoursBefore);
}
