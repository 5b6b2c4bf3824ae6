using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Features.Admin.Reports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Reports;

/// <summary>
/// The dashboard's figures, given events in the log, then the figures of a range: on a real SQLite file through the
/// app's projections (and on PostgreSQL where marked), and the same after a rebuild.
/// </summary>
public class DashboardFigureSpecs
{
    private static readonly DateOnly Monday = new(2026, 3, 9);
    private static readonly DateOnly NextMonday = Monday.AddDays(7);
    private static readonly Guid Nurse = A.Id("n0a5");

    private sealed class Given(TestApp app)
    {
        private readonly Dictionary<Guid, DayScheduled> _days = new();

        public TestApp App => app;

        /// <summary>A clinician's day of <paramref name="slots"/> ten-minute slots from 09:00.</summary>
        public async Task<DayScheduled> DayAsync(Guid clinician, DateOnly date, int slots = 6)
        {
            var day = new DayScheduled(clinician, date, Enumerable.Range(0, slots)
                .Select(n => new ScheduledSlot(Guid.NewGuid(), A.At(date, 9).AddMinutes(10 * n))).ToArray());
            await AppendAsync(day, A.Now.AddDays(-30));
            _days[day.Slots[0].SlotId] = day;
            return day;
        }

        public async Task<SlotsBooked> BookAsync(DayScheduled day, int slot, Guid patient, DateTimeOffset at)
        {
            var booked = new SlotsBooked(Guid.NewGuid(), patient, day.ClinicianId, day.Date, [day.Slots[slot]], patient.ToString());
            await AppendAsync(booked, at);
            return booked;
        }

        public Task MarkAsync(SlotsBooked booking, VisitOutcome outcome) =>
            AppendAsync(new VisitMarked(booking.AppointmentId, booking.PatientId, booking.ClinicianId, booking.Date, outcome, "reception"), A.Now);

        public Task CancelAsync(SlotsBooked booking, CancellationReason reason) =>
            AppendAsync(new AppointmentCancelled(booking.AppointmentId, booking.PatientId, booking.ClinicianId, booking.Date, booking.Slots, reason, "someone"), A.Now);

        public Task CancelDayAsync(DayScheduled day, params SlotsBooked[] bookings) =>
            AppendAsync(new DayCancelled(day.ClinicianId, day.Date, "Unwell", day.Slots.Select(s => s.SlotId).ToArray(),
                bookings.Select(b => new CancelledAppointment(b.AppointmentId, b.PatientId, b.Slots)).ToArray(), "reception"), A.Now);

        public Task MoveAsync(SlotsBooked booking, DayScheduled to, int slot) =>
            AppendAsync(new AppointmentMoved(booking.AppointmentId, booking.PatientId, booking.VisitType, booking.ClinicianId, booking.Date, booking.Slots,
                to.ClinicianId, to.Date, [to.Slots[slot]], "reception"), A.Now);

        private Task AppendAsync(IClinicEvent e, DateTimeOffset at) => app.Get<IEventStore>().AppendAsync([e], new EventMetadata("test", at), null);

        public Task<ReportSummary> FiguresAsync(DateOnly from, DateOnly to) => app.Get<PracticeReport>().SummaryAsync(from, to);
    }

    private static async Task<Given> StartAsync(string provider = TestApp.Sqlite) => new(await TestApp.StartAsync(provider: provider));

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task SlotsOfferedAndBooked_PerClinicianAndDay_GiveTheUtilisation(string provider)
    {
        var given = await StartAsync(provider);
        await using var _ = given.App;
        var doctorsMonday = await given.DayAsync(A.ClinicianId, Monday, slots: 6);
        var doctorsTuesday = await given.DayAsync(A.ClinicianId, Monday.AddDays(1), slots: 4);
        var nursesMonday = await given.DayAsync(Nurse, Monday, slots: 2);
        await given.BookAsync(doctorsMonday, 0, A.PatientId, A.Now);
        await given.BookAsync(doctorsMonday, 1, A.OtherPatientId, A.Now);
        await given.BookAsync(doctorsTuesday, 3, A.PatientId, A.Now);
        await given.BookAsync(nursesMonday, 0, A.OtherPatientId, A.Now);
        await given.DayAsync(A.ClinicianId, NextMonday); // outside the week

        var week = await given.FiguresAsync(Monday, Monday.AddDays(6));

        Assert.Equal((12, 4, 0.3333), (week.SlotsOffered, week.SlotsBooked, Math.Round(week.Utilisation, 4)));
        var doctor = Assert.Single(week.ByClinician, c => c.ClinicianId == A.ClinicianId);
        Assert.Equal((10, 3, 0.3), (doctor.SlotsOffered, doctor.SlotsBooked, doctor.Utilisation));
        var nurse = Assert.Single(week.ByClinician, c => c.ClinicianId == Nurse);
        Assert.Equal((2, 1, 0.5), (nurse.SlotsOffered, nurse.SlotsBooked, nurse.Utilisation));
        Assert.Equal(7, week.ByDay.Count);
        Assert.Equal((8, 3, 0.375), (week.ByDay[0].SlotsOffered, week.ByDay[0].SlotsBooked, week.ByDay[0].Utilisation));
        Assert.Equal((4, 1, 0.25), (week.ByDay[1].SlotsOffered, week.ByDay[1].SlotsBooked, week.ByDay[1].Utilisation));
        Assert.All(week.ByDay.Skip(2), d => Assert.Equal((0, 0.0), (d.SlotsOffered, d.Utilisation)));
    }

    [Fact]
    public async Task ArrivalsAndNoShows_GiveTheNoShowRate_PerClinicianAndForThePractice()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var doctors = await given.DayAsync(A.ClinicianId, Monday);
        var nurses = await given.DayAsync(Nurse, Monday);
        await given.MarkAsync(await given.BookAsync(doctors, 0, A.PatientId, A.Now), VisitOutcome.Arrived);
        await given.MarkAsync(await given.BookAsync(doctors, 1, A.OtherPatientId, A.Now), VisitOutcome.Arrived);
        await given.MarkAsync(await given.BookAsync(doctors, 2, A.Id("p3"), A.Now), VisitOutcome.Arrived);
        await given.MarkAsync(await given.BookAsync(nurses, 0, A.Id("p4"), A.Now), VisitOutcome.NoShow);
        await given.BookAsync(nurses, 1, A.Id("p5"), A.Now); // not marked: neither

        var figures = await given.FiguresAsync(Monday, Monday);

        Assert.Equal((3, 1, 0.25), (figures.Arrivals, figures.NoShows, figures.NoShowRate));
        Assert.Equal((3, 0, 0.0), Outcomes(figures, A.ClinicianId));
        Assert.Equal((0, 1, 1.0), Outcomes(figures, Nurse));
    }

    private static (int, int, double) Outcomes(ReportSummary figures, Guid clinician) =>
        figures.ByClinician.Single(c => c.ClinicianId == clinician) is var c ? (c.Arrivals, c.NoShows, c.NoShowRate) : default;

    [Fact]
    public async Task Cancellations_AreCountedByWhatCausedThem()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var day = await given.DayAsync(A.ClinicianId, Monday);
        var other = await given.DayAsync(A.OtherClinicianId, Monday.AddDays(2));
        await given.CancelAsync(await given.BookAsync(day, 0, A.PatientId, A.Now), CancellationReason.Patient);
        await given.CancelAsync(await given.BookAsync(day, 1, A.PatientId, A.Now), CancellationReason.Patient);
        await given.CancelAsync(await given.BookAsync(day, 2, A.OtherPatientId, A.Now), CancellationReason.Staff);
        await given.CancelAsync(await given.BookAsync(day, 3, A.OtherPatientId, A.Now), CancellationReason.QuotaExceeded);
        var first = await given.BookAsync(other, 0, A.Id("p3"), A.Now);
        var second = await given.BookAsync(other, 1, A.Id("p4"), A.Now);
        await given.CancelDayAsync(other, first, second);

        var week = await given.FiguresAsync(Monday, Monday.AddDays(6));

        Assert.Equal(new CancellationCounts(2, 1, 2, 1), week.Cancellations);
        Assert.Equal(6, week.Cancellations.Total);
        Assert.Equal((6, 0), (week.SlotsOffered, week.SlotsBooked)); // the cancelled day's slots are offered no more
        Assert.Equal(new CancellationCounts(0, 0, 2, 0), week.ByDay[2].Cancellations);
        Assert.Equal(2, week.ByClinician.Single(c => c.ClinicianId == A.OtherClinicianId).Cancellations.Total);
    }

    [Fact]
    public async Task ADayCancelledAfterArrivalsWereMarked_KeepsTheArrivals_AndCountsOnlyTheOthersAsCancelled()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var day = await given.DayAsync(A.ClinicianId, Monday);
        var came = await given.BookAsync(day, 0, A.PatientId, A.Now);
        var missed = await given.BookAsync(day, 1, A.OtherPatientId, A.Now);
        var later = await given.BookAsync(day, 2, A.Id("p3"), A.Now);
        await given.MarkAsync(came, VisitOutcome.Arrived);
        await given.MarkAsync(missed, VisitOutcome.NoShow);

        await given.CancelDayAsync(day, came, missed, later);
        var figures = await given.FiguresAsync(Monday, Monday);

        Assert.Equal((1, 1), (figures.Arrivals, figures.NoShows));
        Assert.Equal(new CancellationCounts(0, 0, 1, 0), figures.Cancellations);
        Assert.Equal((0, 0), (figures.SlotsOffered, figures.SlotsBooked));
    }

    [Fact]
    public async Task AnAppointmentMovedAcrossWeeks_CountsInTheWeekItIsNowIn_WithItsLeadTimeToTheNewTime()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var thisWeek = await given.DayAsync(A.ClinicianId, Monday);
        var nextWeek = await given.DayAsync(A.ClinicianId, NextMonday);
        var booking = await given.BookAsync(thisWeek, 0, A.PatientId, A.At(Monday, 9).AddDays(-2)); // two days ahead

        await given.MoveAsync(booking, nextWeek, 3); // 09:30 a week later

        var first = await given.FiguresAsync(Monday, Monday.AddDays(6));
        var second = await given.FiguresAsync(NextMonday, NextMonday.AddDays(6));
        Assert.Equal((6, 0, (double?)null), (first.SlotsOffered, first.SlotsBooked, first.MedianLeadTimeHours));
        Assert.Equal((6, 1), (second.SlotsOffered, second.SlotsBooked));
        Assert.Equal(2 * 24 + 7 * 24 + 0.5, second.MedianLeadTimeHours);
        Assert.Equal(0, first.Cancellations.Total + second.Cancellations.Total);
    }

    [Fact]
    public async Task TheMedianLeadTime_IsOfTheVisitsStillBooked_AndTheMiddleOfTwoForAnEvenCount()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var day = await given.DayAsync(A.ClinicianId, Monday);
        var nine = A.At(Monday, 9);
        await given.BookAsync(day, 0, A.PatientId, nine.AddHours(-2));           // 2 h
        await given.BookAsync(day, 1, A.OtherPatientId, nine.AddHours(-10 + 1.0 / 6)); // 10 h (slot at 09:10)
        await given.BookAsync(day, 2, A.Id("p3"), nine.AddHours(-30 + 2.0 / 6));  // 30 h
        await given.CancelAsync(await given.BookAsync(day, 3, A.Id("p4"), nine.AddHours(-500)), CancellationReason.Patient);
        Assert.Equal(10, (await given.FiguresAsync(Monday, Monday)).MedianLeadTimeHours);

        await given.BookAsync(day, 4, A.Id("p5"), nine.AddHours(-40 + 4.0 / 6)); // 40 h
        Assert.Equal(20, (await given.FiguresAsync(Monday, Monday)).MedianLeadTimeHours);
    }

    [Fact]
    public async Task NewPatients_AreThoseWhoseFirstAppointmentEverWasMadeInTheRange()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var day = await given.DayAsync(A.ClinicianId, NextMonday);
        var inRange = A.At(Monday, 12);
        await given.BookAsync(day, 0, A.PatientId, inRange.AddDays(-10));        // first booked before the range: not new
        await given.BookAsync(day, 1, A.PatientId, inRange);
        var cancelled = await given.BookAsync(day, 2, A.OtherPatientId, inRange);  // new, even though cancelled since
        await given.CancelAsync(cancelled, CancellationReason.Patient);
        await given.BookAsync(day, 3, A.Id("p3"), inRange.AddDays(2));           // new
        await given.BookAsync(day, 4, A.Id("p4"), inRange.AddDays(9));           // first booked after the range

        Assert.Equal(2, (await given.FiguresAsync(Monday, Monday.AddDays(6))).NewPatients);
    }

    [Fact]
    public async Task TheFiguresAreTheSameAfterTheReadModelsAreRebuiltFromTheLog()
    {
        var given = await StartAsync();
        await using var _ = given.App;
        var day = await given.DayAsync(A.ClinicianId, Monday);
        var other = await given.DayAsync(A.OtherClinicianId, NextMonday);
        var moved = await given.BookAsync(day, 0, A.PatientId, A.Now);
        await given.MarkAsync(await given.BookAsync(day, 1, A.OtherPatientId, A.Now), VisitOutcome.NoShow);
        await given.CancelAsync(await given.BookAsync(day, 2, A.Id("p3"), A.Now), CancellationReason.Staff);
        await given.MoveAsync(moved, other, 2);
        var before = System.Text.Json.JsonSerializer.Serialize(await given.FiguresAsync(Monday, NextMonday.AddDays(6)));

        await given.App.Get<ReadModelRebuilder>().RebuildAllAsync();

        Assert.Equal(before, System.Text.Json.JsonSerializer.Serialize(await given.FiguresAsync(Monday, NextMonday.AddDays(6))));
    }

    [Fact]
    public void ARangeEndsOnOrAfterItsStart_AndIsAtMostAYear()
    {
        Assert.Null(PracticeReport.Check(Monday, Monday, Monday));
        Assert.Null(PracticeReport.Check(Monday, Monday.AddDays(PracticeReport.MaxDays - 1), Monday));
        Assert.Equal("The range must end on or after the day it starts.", PracticeReport.Check(Monday, Monday.AddDays(-1), Monday));
        Assert.Contains("at most 366 days", PracticeReport.Check(Monday, Monday.AddDays(PracticeReport.MaxDays), Monday));
        // Days far off (the last day there is, say) are refused in words, not counted.
        Assert.Equal($"Choose days between {Monday.AddYears(-1):yyyy-MM-dd} and {Monday.AddYears(2):yyyy-MM-dd}.",
            PracticeReport.Check(DateOnly.MaxValue, DateOnly.MaxValue, Monday));
        Assert.NotNull(PracticeReport.Check(Monday.AddYears(-1).AddDays(-1), Monday, Monday));
        Assert.Null(PracticeReport.Check(Monday.AddYears(-1), Monday, Monday));
    }

    [Fact]
    public void TheCsv_HasARowPerClinicianAndOneForThePractice_WithNamesAsText()
    {
        var cancelled = new CancellationCounts(1, 2, 3, 4);
        var summary = new ReportSummary(Monday, Monday.AddDays(6), 20, 10, 0.5, 6, 2, 0.25, cancelled, 30.5, 3,
            [
                new ClinicianFigures(A.ClinicianId, "Hart, Ada", 12, 6, 0.5, 4, 1, 0.2, cancelled),
                new ClinicianFigures(Nurse, "=HYPERLINK(\"x\")", 8, 4, 0.5, 2, 1, 0.3333, CancellationCounts.None),
            ], []);

        var lines = PracticeReport.Csv(summary).TrimEnd().Split(Environment.NewLine);

        Assert.Equal(4, lines.Length);
        Assert.StartsWith("from,to,clinician_id,clinician,slots_offered", lines[0]);
        Assert.Equal($"2026-03-09,2026-03-15,{A.ClinicianId},\"Hart, Ada\",12,6,0.5,4,1,0.2,1,2,3,4,,", lines[1]);
        Assert.Equal($"2026-03-09,2026-03-15,{Nurse},\"'=HYPERLINK(\"\"x\"\")\",8,4,0.5,2,1,0.3333,0,0,0,0,,", lines[2]);
        Assert.Equal("2026-03-09,2026-03-15,,All clinicians,20,10,0.5,6,2,0.25,1,2,3,4,30.5,3", lines[3]);
        Assert.Equal("clinicportal-2026-03-09-to-2026-03-15.csv", PracticeReport.FileName(summary));
    }

    [Fact]
    public void ReceptionsView_HasThePracticesFiguresWithoutAnyClinicians_InTheCsvToo()
    {
        var summary = new ReportSummary(Monday, Monday, 12, 6, 0.5, 4, 1, 0.2, CancellationCounts.None, 30.5, 3,
            [new ClinicianFigures(A.ClinicianId, "Dr Ada Hart", 12, 6, 0.5, 4, 1, 0.2, CancellationCounts.None)], []);

        var shown = summary.Shown(DashboardView.Practice);

        Assert.Empty(shown.ByClinician);
        Assert.Equal((12, 6, 4, 1), (shown.SlotsOffered, shown.SlotsBooked, shown.Arrivals, shown.NoShows));
        Assert.DoesNotContain("Dr Ada Hart", PracticeReport.Csv(shown));
        Assert.Equal(2, PracticeReport.Csv(shown).TrimEnd().Split(Environment.NewLine).Length);
        Assert.Same(summary, summary.Shown(DashboardView.Full));
    }
}
