using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>Deactivating a clinician stops new bookings with them at once.</summary>
public class DeactivatedClinicianTests
{
    [Fact]
    public async Task AnAppointmentWithADeactivatedClinicianIsRefusedAndAfterReactivationAccepted()
    {
        await using var app = await TestApp.StartAsync();
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var patient = await app.CreateUserAsync("Pat Lee", "pat@mail.example", Roles.Patient);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
        var book = app.Get<BookSlotsHandler>();

        await app.Get<StaffAdministration>().SetActiveAsync(doctor, active: false);
        var refused = await book.HandleAsync(patient, [day.Slots[0].SlotId], Actor.Patient(patient));
        await app.Get<StaffAdministration>().SetActiveAsync(doctor, active: true);
        var accepted = await book.HandleAsync(patient, [day.Slots[0].SlotId], Actor.Patient(patient));

        Assert.Equal(Rejection.ClinicianNotTakingBookings, refused.Rejection);
        Assert.True(accepted.IsAccepted);
    }
}
