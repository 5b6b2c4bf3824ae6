using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Scheduling.MySchedule;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Application.Queries;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Scheduling;

/// <summary>My schedule's forms without the page: blocks judged as they are edited, and a day's hours copied and repeated.</summary>
public class SchedulePlannerTests
{
    private static readonly ClinicianDayView EmptyTuesday = new(A.ClinicianId, A.Tomorrow, false, null, []);

    private static SchedulePlanner Judging(ClinicianDayView day)
    {
        var planner = new SchedulePlanner();
        planner.JudgeAgainst(new(day, A.London, A.Clinician, A.Now, [], []));
        return planner;
    }

    [Fact]
    public void EachEditIsJudgedAgainstTheDay_AndNothingIsJudgedWithoutOne()
    {
        var planner = new SchedulePlanner();
        Assert.Null(planner.Plan);

        planner = Judging(EmptyTuesday);
        Assert.Equal(18, planner.Plan!.Value.Value); // 09:00–12:00
        planner.AddBlock(); // the afternoon: 14:00–17:00
        Assert.Equal((new TimeOnly(14, 0), new TimeOnly(17, 0)), (planner.Blocks[1].Start, planner.Blocks[1].End));
        Assert.Equal(36, planner.Plan!.Value.Value);
        planner.SetBlock(1, start: new TimeOnly(11, 0));
        Assert.Equal(Rejection.BlocksOverlap, planner.Plan!.Value.Rejection);
        planner.RemoveBlock(1);
        Assert.Equal(18, planner.Plan!.Value.Value);
    }

    [Fact]
    public void AfterScheduling_TheFormOffersTheHourAfter_OrTheMorningWhenTheDayIsOver()
    {
        var planner = Judging(EmptyTuesday);

        planner.StartAfter(new TimeOnly(12, 0));
        Assert.Equal((new TimeOnly(12, 0), new TimeOnly(13, 0)), (Assert.Single(planner.Blocks).Start, planner.Blocks[0].End));
        planner.StartAfter(new TimeOnly(23, 30));
        Assert.Equal((new TimeOnly(9, 0), new TimeOnly(12, 0)), (Assert.Single(planner.Blocks).Start, planner.Blocks[0].End));
    }

    [Fact]
    public void TermsKeepABlockForStaffOrForSomeVisitTypes_NoneChosenMeaningEvery()
    {
        var planner = Judging(EmptyTuesday);
        var vaccination = A.Id("vaccination");

        planner.SetTerms(0, staffOnly: true, onlyFor: [vaccination]);
        Assert.True(planner.Blocks[0].StaffOnly);
        Assert.Equal([vaccination], planner.Blocks[0].OnlyFor!);
        planner.SetTerms(0, onlyFor: []);
        Assert.Null(planner.Blocks[0].OnlyFor);
        Assert.True(planner.Blocks[0].StaffOnly);
    }

    [Fact]
    public void CopyDatesLeaveOutTheShownDay_AndRepeatsFallOnTheChosenWeekdaysUntilTheDate()
    {
        var planner = new SchedulePlanner { CopyTo = A.Tomorrow.ToDateTime(TimeOnly.MinValue) };
        planner.AddCopyDate(shown: A.Tomorrow);
        planner.CopyTo = A.Tomorrow.AddDays(1).ToDateTime(TimeOnly.MinValue);
        planner.AddCopyDate(shown: A.Tomorrow);
        Assert.Equal([A.Tomorrow.AddDays(1)], planner.CopyDates);
        Assert.Null(planner.CopyTo);

        Assert.Empty(planner.RepeatDates(A.Tomorrow));
        planner.RepeatOn.Add(DayOfWeek.Tuesday);
        planner.RepeatUntil = A.Tomorrow.AddDays(21).ToDateTime(TimeOnly.MinValue);
        Assert.Equal([A.Tomorrow.AddDays(7), A.Tomorrow.AddDays(14), A.Tomorrow.AddDays(21)], planner.RepeatDates(A.Tomorrow));
    }

    [Fact]
    public async Task EachDateIsScheduledAsItsOwnDecision_AndEveryOutcomeIsSaid()
    {
        await using var app = await TestApp.StartAsync();
        var schedule = app.Get<ScheduleDayHandler>();
        var taken = A.Tomorrow.AddDays(7);
        Assert.True((await schedule.HandleAsync(A.ClinicianId, taken, [new BlockOfTime(new(9, 0), new(10, 0))], A.Clinician)).IsAccepted);
        var planner = new SchedulePlanner();

        await planner.ScheduleEachAsync(schedule, A.ClinicianId, [A.Tomorrow, taken], [new BlockOfTime(new(9, 0), new(12, 0))], A.Clinician, "not copied");

        Assert.Equal("1 of 2 days scheduled, 1 refused (below, with the rule that refused each).", planner.Summary);
        Assert.Equal("Tue 3 Mar: 18 slots scheduled.", planner.Results[0]);
        Assert.StartsWith("Tue 10 Mar: not copied. ", planner.Results[1]);
    }
}
