using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Scheduling;

/// <summary>
/// The practice is in London. Clocks go forward at 01:00 GMT on 29 March 2026 and back at 02:00 BST on
/// 25 October 2026; days and months are London's, not UTC's.
/// </summary>
public class PracticeTimeZoneTests
{
    private static readonly DateOnly SpringForward = new(2026, 3, 29);
    private static readonly DateOnly FallBack = new(2026, 10, 25);

    [Fact]
    public void NineOClockIsNineUtcTheDayBeforeTheClocksGoForwardAndEightUtcOnTheDay()
    {
        Assert.Equal(new DateTimeOffset(2026, 3, 28, 9, 0, 0, TimeSpan.Zero), PracticeTime.ToUtc(SpringForward.AddDays(-1), new(9, 0), A.London));
        Assert.Equal(new DateTimeOffset(2026, 3, 29, 8, 0, 0, TimeSpan.Zero), PracticeTime.ToUtc(SpringForward, new(9, 0), A.London));
    }

    [Fact]
    public void AHalfHourSkippedWhenTheClocksGoForwardCannotBeScheduled()
    {
        var command = new ScheduleDay(A.ClinicianId, SpringForward, [new BlockOfTime(new(1, 0), new(1, 30))], A.London, Guid.NewGuid, A.Clinician, A.Now);

        new DeciderSpec<ScheduleDayDecider, ScheduleDay, DayToSchedule, DayScheduled>().When(command).ThenRejected(Rejection.TimeDoesNotExist);
    }

    [Fact]
    public void AnHourThatHappensTwiceWhenTheClocksGoBackIsScheduledOnItsFirstOccurrence()
    {
        var command = new ScheduleDay(A.ClinicianId, FallBack, [new BlockOfTime(new(1, 0), new(1, 20))], A.London, Guid.NewGuid, A.Clinician, A.Now);

        var scheduled = (DayScheduled)new DeciderSpec<ScheduleDayDecider, ScheduleDay, DayToSchedule, DayScheduled>().When(command).ThenAccepted()[0];

        Assert.Equal([new DateTimeOffset(2026, 10, 25, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 10, 25, 0, 10, 0, TimeSpan.Zero)],
            scheduled.Slots.Select(s => s.StartUtc));
    }

    [Fact]
    public void ASlotJustAfterLocalMidnightBelongsToTheLocalDayAndMonthThoughUtcIsStillTheDayBefore()
    {
        var start = PracticeTime.ToUtc(new DateOnly(2026, 4, 1), new(0, 30), A.London)!.Value;

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 23, 30, 0, TimeSpan.Zero), start);
        Assert.Equal(new DateOnly(2026, 4, 1), PracticeTime.DateOf(start, A.London));
    }

    [Fact]
    public async Task AnEarlySlotOnTheFirstOfAprilIsListedOnThatDayAndCountsInAprilsUsage()
    {
        await using var app = await TestApp.StartAsync();
        var april1 = new DateOnly(2026, 4, 1);
        var scheduled = (await app.Get<ScheduleDayHandler>().HandleAsync(
            A.ClinicianId, april1, [new BlockOfTime(new(0, 30), new(0, 40))], A.Clinician)).Value!;
        var reads = app.Get<ScheduleReadModel>();

        var listed = await reads.AvailableSlotsAsync(april1, A.Now);
        var dayBefore = await reads.AvailableSlotsAsync(april1.AddDays(-1), A.Now);
        await app.Get<BookSlotsHandler>().HandleAsync(A.PatientId, [scheduled.Slots[0].SlotId], A.Patient);

        Assert.Equal(scheduled.Slots[0].SlotId, Assert.Single(Assert.Single(listed).Slots).SlotId);
        Assert.Empty(dayBefore);
        Assert.Equal(1, await reads.MonthlyUsageAsync(A.PatientId, "2026-04"));
        Assert.Equal(0, await reads.MonthlyUsageAsync(A.PatientId, "2026-03"));
    }

    [Theory]
    [InlineData(4, true)]  // ten April slots + 00:30 on 1 April (23:30 UTC on 31 March) = eleven in April
    [InlineData(3, false)] // ten March slots + the same slot = ten in March, one in April
    public async Task TheMonthlyLimitCountsASlotInThePracticesMonthNotUtcs(int monthOfTheTen, bool expectRefused)
    {
        await using var app = await TestApp.StartAsync();
        var schedule = app.Get<ScheduleDayHandler>();
        var book = app.Get<BookSlotsHandler>();
        var tenDay = new DateOnly(2026, monthOfTheTen, 20);
        var ten = (await schedule.HandleAsync(A.ClinicianId, tenDay, [new BlockOfTime(new(9, 0), new(13, 0))], A.Clinician)).Value!;
        for (var i = 0; i < 10; i++)
            Assert.True((await book.HandleAsync(A.PatientId, [ten.Slots[i * 2].SlotId], A.Patient)).IsAccepted);
        var early = (await schedule.HandleAsync(A.ClinicianId, new DateOnly(2026, 4, 1), [new BlockOfTime(new(0, 30), new(0, 40))], A.Clinician)).Value!;
        var eleventh = await book.HandleAsync(A.PatientId, [early.Slots[0].SlotId], A.Patient);

        Assert.Equal(expectRefused ? Rejection.MonthlyLimitReached : null, eleventh.Rejection);
    }

    [Theory]
    [InlineData(4, true)]
    [InlineData(3, false)]
    public async Task TheQuotaPolicyCountsASlotInThePracticesMonthNotUtcs(int monthOfTheTen, bool expectCancelled)
    {
        await using var app = await TestApp.StartAsync();
        var schedule = app.Get<ScheduleDayHandler>();
        var ten = (await schedule.HandleAsync(A.ClinicianId, new DateOnly(2026, monthOfTheTen, 20), [new BlockOfTime(new(9, 0), new(13, 0))], A.Clinician)).Value!;
        for (var i = 0; i < 10; i++)
            await app.BookPastTheDecisionAsync(A.PatientId, ten, i * 2);
        var early = (await schedule.HandleAsync(A.ClinicianId, new DateOnly(2026, 4, 1), [new BlockOfTime(new(0, 30), new(0, 40))], A.Clinician)).Value!;
        var eleventh = await app.BookPastTheDecisionAsync(A.PatientId, early, 0);

        await app.Get<MonthlyQuotaPolicy>().CatchUpAsync();

        var booking = await app.Get<ScheduleReadModel>().AppointmentAsync(eleventh.AppointmentId);
        Assert.Equal(expectCancelled ? "QuotaExceeded" : null, booking!.Cancelled);
    }
}
