using ClinicPortal.Domain;
using ClinicPortal.Domain.Booking;
using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Booking.BookSlots;

public sealed class BookSlotsHandler(CommandExecutor executor, PracticeClock clock, PeopleDirectory people, ScheduleReadModel schedule)
{
    public async Task<Checked<SlotsBooked>> HandleAsync(Guid patientId, IReadOnlyList<Guid> slotIds, Actor by, CancellationToken ct = default)
    {
        // Staff book for a patient on the phone; nobody else can hold a booking (a doctor, the owner, staff themselves),
        // nor a patient whose account staff have deactivated.
        var patient = await people.FindPatientAsync(patientId, ct);
        if (patient is null && by.IsStaff)
            return Rejection.NotAPatient;
        if (patient is { IsActive: false })
            return Rejection.PatientDeactivated;
        // A deactivated clinician takes no new bookings from the moment of deactivation. (Checked against the accounts,
        // not the log: deactivation is not an event yet, so this is a check before deciding, not part of the condition.)
        foreach (var doctorId in await schedule.DoctorsOfSlotsAsync(slotIds, ct))
            if (await people.FindAsync(doctorId, ct) is { IsActive: false })
                return Rejection.ClinicianNotTakingBookings;
        var now = clock.Now;
        var command = new Domain.Booking.BookSlots(Guid.CreateVersion7(), patientId, slotIds, by, now);
        return (await executor.ExecuteAsync<BookSlotsDecider, Domain.Booking.BookSlots, BookingRequest, SlotsBooked>(command, ct)).Single();
    }
}
