using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.ReadModels;

/// <summary>Given (events appended to a real SQLite log) / When (a read-model query) / Then (rows).</summary>
public class ScheduleProjectionSpecs
{
    private static async Task<TestApp> Given(params IClinicEvent[] events)
    {
        var app = await TestApp.StartAsync();
        foreach (var @event in events)
            await app.Get<IEventStore>().AppendAsync([@event], new EventMetadata("tester", A.Now), null);
        return app;
    }

    [Fact]
    public async Task GivenSlot1AndSlot2Scheduled_AndSlot2Booked_ThenOnlySlot1IsAvailable()
    {
        await using var app = await Given(A.DayScheduled(1, 2), A.SlotsBooked(A.AppointmentId, A.PatientId, 2));

        var available = await app.Get<ScheduleReadModel>().AvailableSlotsAsync(A.Tomorrow, A.Now);

        var doctor = Assert.Single(available);
        Assert.Equal(A.ClinicianId, doctor.ClinicianId);
        Assert.Equal([A.Slot(1)], doctor.Slots.Select(s => s.SlotId));
    }

    [Fact]
    public async Task AvailableSlotsAreGroupedByClinicianAndOrderedByStart()
    {
        await using var app = await Given(
            new DayScheduled(A.OtherClinicianId, A.Tomorrow, [A.MorningSlot(13), A.MorningSlot(11)]),
            A.DayScheduled(3),
            new DayScheduled(A.ClinicianId, A.Tomorrow, [A.MorningSlot(1)]),
            new DayScheduled(A.OtherClinicianId, A.Tomorrow, [A.MorningSlot(12)]));

        var available = await app.Get<ScheduleReadModel>().AvailableSlotsAsync(A.Tomorrow, A.Now);

        Assert.Equal(2, available.Count);
        var byDoctor = available.ToDictionary(d => d.ClinicianId, d => d.Slots.Select(s => s.SlotId).ToArray());
        Assert.Equal([A.Slot(1), A.Slot(3)], byDoctor[A.ClinicianId]);
        Assert.Equal([A.Slot(11), A.Slot(12), A.Slot(13)], byDoctor[A.OtherClinicianId]);
    }

    [Fact]
    public async Task SlotsThatHaveStartedAreNotAvailable()
    {
        await using var app = await Given(A.DayScheduled(1, 2));

        var available = await app.Get<ScheduleReadModel>().AvailableSlotsAsync(A.Tomorrow, A.MorningSlot(1).StartUtc);

        Assert.Equal([A.Slot(2)], Assert.Single(available).Slots.Select(s => s.SlotId));
    }

    [Fact]
    public async Task GivenAnAppointmentCancelled_ThenItsSlotsAreAvailableAgainAndItIsNoLongerThePatients()
    {
        await using var app = await Given(A.DayScheduled(1, 2), A.SlotsBooked(A.AppointmentId, A.PatientId, 1, 2),
            new AppointmentCancelled(A.AppointmentId, A.PatientId, A.ClinicianId, A.Tomorrow, [A.MorningSlot(1), A.MorningSlot(2)], CancellationReason.Patient, "p"));
        var reads = app.Get<ScheduleReadModel>();

        var available = await reads.AvailableSlotsAsync(A.Tomorrow, A.Now);
        var bookings = await reads.FutureAppointmentsAsync(A.PatientId, A.Now);
        var usage = await reads.MonthlyUsageAsync(A.PatientId, "2026-03");

        Assert.Equal([A.Slot(1), A.Slot(2)], Assert.Single(available).Slots.Select(s => s.SlotId));
        Assert.Empty(bookings);
        Assert.Equal(0, usage);
    }

    [Fact]
    public async Task APatientsFutureAppointmentsAreTheirsOnlySoonestFirstWithTheirMonthlyUsage()
    {
        await using var app = await Given(A.DayScheduled(1, 2, 3, 4, 5),
            A.SlotsBooked(A.Id("later"), A.PatientId, 4, 5),
            A.SlotsBooked(A.Id("sooner"), A.PatientId, 1),
            A.SlotsBooked(A.Id("theirs"), A.OtherPatientId, 3));
        var reads = app.Get<ScheduleReadModel>();

        var bookings = await reads.FutureAppointmentsAsync(A.PatientId, A.Now);
        var usage = await reads.MonthlyUsageAsync(A.PatientId, "2026-03");

        Assert.Equal([A.Id("sooner"), A.Id("later")], bookings.Select(b => b.AppointmentId));
        Assert.Equal([A.MorningSlot(4).StartUtc, A.MorningSlot(5).EndUtc], [bookings[1].StartUtc, bookings[1].EndUtc]);
        Assert.Equal(2, bookings[1].SlotCount);
        Assert.Equal(3, usage);
    }

    [Fact]
    public async Task ACliniciansDayShowsEverySlotAndWhoIsBooked()
    {
        await using var app = await Given(A.DayScheduled(1, 2, 3), A.SlotsBooked(A.AppointmentId, A.PatientId, 2),
            new SlotsRemoved(A.ClinicianId, A.Tomorrow, [A.Slot(3)]));

        var day = await app.Get<ScheduleReadModel>().ClinicianDayAsync(A.ClinicianId, A.Tomorrow);

        Assert.False(day.Cancelled);
        Assert.Equal([A.Slot(1), A.Slot(2)], day.Slots.Select(s => s.SlotId));
        Assert.Equal([null, A.PatientId], day.Slots.Select(s => s.PatientId));
    }

    [Fact]
    public async Task GivenADayCancelled_ThenItHasNoSlotsItsReasonIsShownAndItsAppointmentsAreCancelled()
    {
        await using var app = await Given(A.DayScheduled(1, 2), A.SlotsBooked(A.AppointmentId, A.PatientId, 1),
            new DayCancelled(A.ClinicianId, A.Tomorrow, "Doctor is ill", [A.Slot(1), A.Slot(2)],
                [new CancelledAppointment(A.AppointmentId, A.PatientId, [A.MorningSlot(1)])], "r"));
        var reads = app.Get<ScheduleReadModel>();

        var day = await reads.ClinicianDayAsync(A.ClinicianId, A.Tomorrow);
        var booking = await reads.AppointmentAsync(A.AppointmentId);

        Assert.True(day.Cancelled);
        Assert.Equal("Doctor is ill", day.CancelReason);
        Assert.Empty(day.Slots);
        Assert.Empty(await reads.AvailableSlotsAsync(A.Tomorrow, A.Now));
        Assert.Equal("DayCancelled", booking!.Cancelled);
        Assert.Equal(0, await reads.MonthlyUsageAsync(A.PatientId, "2026-03"));
    }
}
