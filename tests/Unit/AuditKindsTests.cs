using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.Audit;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit;

public class AuditKindsTests
{
    [Fact]
    public void TheTrailOpensOnChanges_WithoutTheClocksReminders_AndEveryEventTypeHasAKindOfItsOwn()
    {
        Assert.Same(AuditKinds.Changes, AuditKinds.Of(null));
        Assert.Same(AuditKinds.Changes, AuditKinds.Of("no-such-kind"));
        Assert.DoesNotContain(nameof(ReminderSent), AuditKinds.Changes.Types!);
        Assert.Contains(nameof(SlotsBooked), AuditKinds.Changes.Types!);
        var specific = AuditKinds.All.Where(k => k != AuditKinds.Changes && k.Types is not null).SelectMany(k => k.Types!).ToArray();
        Assert.Equal(EventTypes.All.Select(EventTypes.NameOf).Order(), specific.Order());
    }

    [Fact]
    public async Task TheTrailReadsOnlyTheKindAsked()
    {
        await using var app = await TestApp.StartAsync();
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var patient = await app.CreateUserAsync("Patient 1", "p1@clinic.test", Roles.Patient);
        var day = (await app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow,
            [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
        Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(patient, [day.Slots[0].SlotId], Actor.Patient(patient))).IsAccepted);
        var trail = app.Get<AuditTrail>();

        Assert.Equal([nameof(SlotsBooked)], (await trail.ReadAsync(new AuditFilter(Types: AuditKinds.Of("bookings").Types))).Select(e => e.Event.GetType().Name));
        Assert.Equal([nameof(DayScheduled)], (await trail.ReadAsync(new AuditFilter(Types: AuditKinds.Of("schedules").Types))).Select(e => e.Event.GetType().Name));
        Assert.Empty(await trail.ReadAsync(new AuditFilter(Types: AuditKinds.Of("reminders").Types)));
        Assert.Equal(2, (await trail.ReadAsync(new AuditFilter(Types: AuditKinds.Of("all").Types))).Count);
    }
}
