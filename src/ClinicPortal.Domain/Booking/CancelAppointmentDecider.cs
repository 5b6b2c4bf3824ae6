using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class CancelAppointmentDecider : IDecider<CancelAppointment, AppointmentState, AppointmentCancelled>
{
    public static Query QueryFor(CancelAppointment command) => AppointmentState.QueryFor(command.AppointmentId);
    public static AppointmentState Initial(CancelAppointment command) => AppointmentState.None(command.AppointmentId);
    public static AppointmentState Evolve(AppointmentState state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<AppointmentCancelled>> Decide(CancelAppointment command, AppointmentState booking)
    {
        if (!booking.Exists)
            return Rejection.AppointmentNotFound;
        if (!booking.IsVisibleTo(command.By))
            return Rejection.NotYourAppointment;
        if (booking.Cancelled)
            return Rejection.AppointmentAlreadyCancelled;
        if (booking.Slots[0].StartUtc <= command.Now)
            return Rejection.AppointmentInPast;
        if (command.Window?.ForChange(command.By, booking.Slots[0].StartUtc, command.Now) is { } tooLate)
            return tooLate;

        return new AppointmentCancelled[]
        {
            new AppointmentCancelled(booking.AppointmentId, booking.PatientId, booking.ClinicianId, booking.Date, booking.Slots, command.Reason, command.By.Name, booking.Parts,
                booking.RoomId),
        };
    }
}
