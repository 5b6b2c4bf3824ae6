using ClinicPortal.Domain;
using ClinicPortal.Application;
using ClinicPortal.Application.Ports;

namespace ClinicPortal.Features.Booking.CancelAppointment;

public sealed class CancelAppointmentHandler(CommandExecutor executor, IPracticeClock clock, IPracticeRules settings, IAccounts people)
{
    /// <summary>A patient cancels for themselves or a dependant (until the practice's cut-off before the start); staff cancel for a patient.</summary>
    public async Task<Checked<AppointmentCancelled>> HandleAsync(Guid bookingId, Actor by, CancellationToken ct = default)
    {
        by = await people.SpeakingAsync(by, ct);
        var now = clock.Now;
        var why = by.Role == Role.Patient ? CancellationReason.Patient : CancellationReason.Staff;
        var command = new Domain.Booking.CancelAppointment(bookingId, why, by, now, settings.BookingWindow);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
