using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>Many callers at once on a real SQLite file (and, for the races, a real PostgreSQL database), through the same handlers the pages use.</summary>
public class ConcurrentBookingTests
{
    private const int Callers = 50;

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task FiftyPatientsRacingForOneSlot_ExactlyOneGetsIt(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 10))], A.Clinician)).Value!;
        var slotId = day.Slots[0].SlotId;
        var book = app.Get<BookSlotsHandler>();

        var results = await Race.AtOnceAsync(Callers, _ =>
        {
            var patient = Guid.NewGuid();
            return book.HandleAsync(patient, [slotId], Actor.Patient(patient));
        });

        Assert.Single(results, r => r.IsAccepted);
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal(Rejection.SlotAlreadyBooked, r.Rejection));
        var booked = await app.Get<ScheduleReadModel>().ClinicianDayAsync(A.ClinicianId, A.Tomorrow);
        Assert.Equal(results.Single(r => r.IsAccepted).Value!.PatientId, Assert.Single(booked.Slots).PatientId);
    }

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task FiftyDoubleBookingsOverOverlappingPairs_NoSlotIsInTwoLiveAppointments(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], A.Clinician)).Value!;
        var book = app.Get<BookSlotsHandler>();

        // Pairs (0,1), (1,2), … (4,5) over six slots, ten callers each: every pair overlaps its neighbours.
        var results = await Race.AtOnceAsync(Callers, i =>
        {
            var first = i % 5;
            var patient = Guid.NewGuid();
            return book.HandleAsync(patient, [day.Slots[first].SlotId, day.Slots[first + 1].SlotId], Actor.Patient(patient));
        });

        var accepted = results.Where(r => r.IsAccepted).Select(r => r.Value!).ToArray();
        Assert.InRange(accepted.Length, 1, 3);
        var slotsHeld = accepted.SelectMany(b => b.Slots.Select(s => s.SlotId)).ToArray();
        Assert.Equal(slotsHeld.Length, slotsHeld.Distinct().Count());
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal(Rejection.SlotAlreadyBooked, r.Rejection));

        // The log agrees with what the callers were told: each slot was booked at most once.
        var log = await app.Get<IEventStore>().ReadAsync(Query.All);
        var booked = log.Events.Select(e => e.Event).OfType<SlotsBooked>().SelectMany(b => b.Slots.Select(s => s.SlotId)).ToArray();
        Assert.Equal(booked.Length, booked.Distinct().Count());
        Assert.Equal(accepted.Length, log.Events.Count(e => e.Event is SlotsBooked));
    }

    private static async Task<DayScheduled[]> FourteenDaysOfOneSlotAsync(TestApp app)
    {
        var schedule = app.Get<ScheduleDayHandler>();
        var days = new List<DayScheduled>();
        for (var d = 0; d < 14; d++)
            days.Add((await schedule.HandleAsync(A.ClinicianId, A.Tomorrow.AddDays(d), [new BlockOfTime(new(9, 0), new(9, 10))], A.Clinician)).Value!);
        return days.ToArray();
    }

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task APatientBookingFourteenSlotsOfAMonthAtOnce_GetsTenAndIsToldWhyForTheOtherFour(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var days = await FourteenDaysOfOneSlotAsync(app);
        var book = app.Get<BookSlotsHandler>();

        var results = await Race.AtOnceAsync(days.Length, i => book.HandleAsync(A.PatientId, [days[i].Slots[0].SlotId], A.Patient));

        Assert.Equal(10, results.Count(r => r.IsAccepted));
        Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal(Rejection.MonthlyLimitReached, r.Rejection));
        Assert.Equal(10, await app.Get<ScheduleReadModel>().MonthlyUsageAsync(A.PatientId, "2026-03"));
        await app.Get<MonthlyQuotaPolicy>().CatchUpAsync();
        var log = await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Patient(A.PatientId)));
        Assert.DoesNotContain(log.Events, e => e.Event is AppointmentCancelled); // nothing for the safety net to do
    }

    [Fact]
    public async Task FourteenAppointmentsThatSkippedTheDecision_ThePolicyKeepsTenAndCancelsTheFourMadeLast()
    {
        await using var app = await TestApp.StartAsync();
        var days = await FourteenDaysOfOneSlotAsync(app);
        foreach (var day in days)
            await app.BookPastTheDecisionAsync(A.PatientId, day, 0);

        await app.Get<MonthlyQuotaPolicy>().CatchUpAsync();

        var log = await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Patient(A.PatientId)));
        var bookedInOrder = log.Events.Where(e => e.Event is SlotsBooked).Select(e => ((SlotsBooked)e.Event).AppointmentId).ToArray();
        var cancelled = log.Events.Select(e => e.Event).OfType<AppointmentCancelled>().ToArray();
        Assert.Equal(14, bookedInOrder.Length);
        Assert.All(cancelled, c => Assert.Equal(CancellationReason.QuotaExceeded, c.Reason));
        Assert.Equal(bookedInOrder[^4..].Order(), cancelled.Select(c => c.AppointmentId).Order());
        Assert.Equal(10, await app.Get<ScheduleReadModel>().MonthlyUsageAsync(A.PatientId, "2026-03"));
    }

    [Fact]
    public async Task ThePolicyResumesFromItsCheckpointAndDoesNotRepeatWork()
    {
        await using var app = await TestApp.StartAsync();
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(11, 0))], A.Clinician)).Value!;
        var book = app.Get<BookSlotsHandler>();
        for (var i = 0; i < 10; i++)
            await book.HandleAsync(A.PatientId, [day.Slots[i].SlotId], A.Patient);
        await app.BookPastTheDecisionAsync(A.PatientId, day, 10);
        var policy = app.Get<MonthlyQuotaPolicy>();

        var firstRun = await policy.CatchUpAsync();
        var secondRun = await policy.CatchUpAsync();
        await app.Get<Checkpoints>().SaveAsync(MonthlyQuotaPolicy.Name, 0); // as if it crashed before saving
        await policy.CatchUpAsync();

        var log = await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Patient(A.PatientId)));
        Assert.True(firstRun > 0);
        Assert.Equal(0, secondRun); // the first run also read past the cancellation it appended itself
        Assert.Single(log.Events, e => e.Event is AppointmentCancelled);
    }
}
