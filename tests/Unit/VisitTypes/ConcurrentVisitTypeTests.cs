using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.VisitTypes;

public class ConcurrentVisitTypeTests
{
    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task FiftyPatientsRacingForOverlappingStartsOfAThirtyMinuteVisit_NoSlotEndsInTwoAppointments(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], A.Clinician)).Value!;
        var checkUp = (await app.Get<DefineVisitTypeHandler>().HandleAsync(null,
            new VisitTypeForm("Check-up", "", 30, [ClinicianKind.Doctor], [], true, "#2e7d32"), Actor.Admin(A.Id("owner")))).Value!.VisitTypeId;
        var book = app.Get<BookSlotsHandler>();

        // Starts at 09:00, 09:10, 09:20 and 09:30 over six slots: each run of three overlaps the next two.
        var results = await Race.AtOnceAsync(50, i =>
        {
            var first = i % 4;
            var patient = Guid.NewGuid();
            return book.HandleAsync(patient, day.Slots.Skip(first).Take(3).Select(s => s.SlotId).ToArray(), Actor.Patient(patient), visitTypeId: checkUp);
        });

        var accepted = results.Where(r => r.IsAccepted).Select(r => r.Value!).ToArray();
        Assert.InRange(accepted.Length, 1, 2);
        Assert.All(accepted, b => Assert.Equal(3, b.Slots.Count));
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal(Rejection.SlotAlreadyBooked, r.Rejection));
        var log = await app.Get<IEventStore>().ReadAsync(Query.All);
        var booked = log.Events.Select(e => e.Event).OfType<SlotsBooked>().SelectMany(b => b.Slots.Select(s => s.SlotId)).ToArray();
        Assert.Equal(booked.Length, booked.Distinct().Count());
        Assert.Equal(accepted.Length, log.Events.Count(e => e.Event is SlotsBooked));
    }
}
