using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Booking;

public class MoveAppointmentRaceTests
{
    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task AMoveRacingNewAppointmentsForItsTargetTime_ExactlyOneGetsTheTime_AndTheLoserKeepsWhatItHad(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], A.Clinician)).Value!;
        var book = app.Get<BookSlotsHandler>();
        var mine = (await book.HandleAsync(A.PatientId, [day.Slots[0].SlotId], A.Patient)).Value!;
        var target = day.Slots[2].SlotId;

        // One mover and nine patients booking the mover's target, released together.
        var results = await Race.AtOnceAsync(10, async i =>
        {
            if (i == 0)
                return (await app.Get<MoveAppointmentHandler>().HandleAsync(mine.AppointmentId, [target], A.Patient)).Rejection;
            var patient = Guid.NewGuid();
            return (await book.HandleAsync(patient, [target], Actor.Patient(patient))).Rejection;
        });

        Assert.Single(results, r => r is null);
        Assert.All(results.Where(r => r is not null), r => Assert.Equal(Rejection.SlotAlreadyBooked, r));
        var schedule = app.Get<ScheduleReadModel>();
        var slots = (await schedule.ClinicianDayAsync(A.ClinicianId, A.Tomorrow)).Slots;
        Assert.NotNull(slots.Single(s => s.SlotId == target).AppointmentId);
        var held = Assert.Single(await schedule.FutureAppointmentsAsync(A.PatientId, A.Now));
        Assert.Equal(results[0] is null ? day.Slots[2].StartUtc : day.Slots[0].StartUtc, held.StartUtc); // moved, or kept its old time
        Assert.Equal(results[0] is null, slots.Single(s => s.SlotId == day.Slots[0].SlotId).AppointmentId is null);
    }

    [Fact]
    public async Task AfterMovesAcrossDaysAndMonths_ARebuildGivesTheRowsTheLiveUpdatesGave()
    {
        await using var app = await TestApp.StartAsync();
        var schedule = app.Get<ScheduleDayHandler>();
        var tuesday = (await schedule.HandleAsync(A.ClinicianId, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], A.Clinician)).Value!;
        var april = (await schedule.HandleAsync(A.OtherClinicianId, new DateOnly(2026, 4, 1), [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(A.OtherClinicianId))).Value!;
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(A.PatientId, [tuesday.Slots[0].SlotId, tuesday.Slots[1].SlotId], A.Patient)).Value!;
        var move = app.Get<MoveAppointmentHandler>();
        Assert.True((await move.HandleAsync(booked.AppointmentId, [tuesday.Slots[1].SlotId, tuesday.Slots[2].SlotId], A.Patient)).IsAccepted);
        Assert.True((await move.HandleAsync(booked.AppointmentId, [april.Slots[0].SlotId, april.Slots[1].SlotId], A.Patient)).IsAccepted);

        var model = app.Get<ScheduleReadModel>();
        Assert.Equal(0, await model.MonthlyUsageAsync(A.PatientId, "2026-03"));
        Assert.Equal(2, await model.MonthlyUsageAsync(A.PatientId, "2026-04"));
        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL
        var row = await model.AppointmentAsync(booked.AppointmentId);
        Assert.Equal((A.OtherClinicianId, new DateOnly(2026, 4, 1), 2), (row!.ClinicianId, row.Date, row.SlotCount));
    }
}
