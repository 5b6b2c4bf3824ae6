using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSeries;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Application;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Tests.Unit.Support;
using VisitType = ClinicPortal.Domain.VisitTypes.VisitType;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>
/// Series planned and booked through the handler on a real SQLite file (the race on PostgreSQL too): the plan date by
/// date, alternatives, a plan overtaken before it is confirmed, the monthly limit across a series, the rest cancelled,
/// and the one email.
/// </summary>
public class BookSeriesTests
{
    /// <summary>Tuesdays from tomorrow (2026-03-03), Dr Hart 09:00–10:00, for ten weeks.</summary>
    private static readonly DateOnly FirstTuesday = A.Tomorrow;

    private sealed record Practice(TestApp App, Guid Hart, Guid Ada, Guid Ben, Actor Desk)
    {
        public BookSeriesHandler Series => App.Get<BookSeriesHandler>();
        public SeriesRequest Weekly(int occurrences, Guid? patient = null, int hour = 9) =>
            new(patient ?? Ada, VisitType.ConsultationId, Hart, FirstTuesday.ToDateTime(new TimeOnly(hour, 0)), 1, occurrences, null);
    }

    private static async Task<Practice> StartAsync(string provider = TestApp.Sqlite)
    {
        var app = await TestApp.StartAsync(provider: provider);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var ada = await app.CreateUserAsync("Ada Lovelace", "ada@mail.test", Roles.Patient);
        var ben = await app.CreateUserAsync("Ben Jonson", "ben@mail.test", Roles.Patient);
        var desk = Actor.Receptionist(await app.CreateUserAsync("Rita Desk", "desk@clinic.test", Roles.Receptionist));
        for (var week = 0; week < 10; week++)
            Assert.True((await app.Get<ScheduleDayHandler>().HandleAsync(hart, FirstTuesday.AddDays(7 * week), [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).IsAccepted);
        return new Practice(app, hart, ada, ben, desk);
    }

    private static async Task<SlotsBooked> BookAtAsync(Practice practice, Guid patient, DateOnly date, int hour, int minute)
    {
        var slot = (await practice.App.Get<IScheduleQueries>().ClinicianDayAsync(practice.Hart, date)).Slots
            .Single(s => PracticeTime.ToLocal(s.StartUtc, A.London).TimeOfDay == new TimeSpan(hour, minute, 0));
        var booked = await practice.App.Get<BookSlotsHandler>().HandleAsync(patient, [slot.SlotId], practice.Desk);
        Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
        return booked.Value!;
    }

    private static string Local(DateTimeOffset instant) => PracticeTime.ToLocal(instant, A.London).ToString("yyyy-MM-dd HH:mm");

    [Fact]
    public async Task EveryDateFree_ThePlanSaysSo_AndConfirmingBooksThemAllAsOneSeries_WithOneEmailCarryingEveryVisit()
    {
        var practice = await StartAsync();
        await using var app = practice.App;

        var (plan, problem) = await practice.Series.PlanAsync(practice.Weekly(4), practice.Desk);

        Assert.Null(problem);
        Assert.Equal(["2026-03-03 09:00", "2026-03-10 09:00", "2026-03-17 09:00", "2026-03-24 09:00"], plan!.Dates.Select(d => Local(d.StartUtc!.Value)));
        Assert.All(plan.Dates, d => Assert.True(d.Bookable));
        var outcome = await practice.Series.BookAsync(practice.Weekly(4), practice.Desk, plan);
        Assert.Equal(4, outcome.Booked!.Count);
        Assert.All(outcome.Booked, b => Assert.Equal(plan.SeriesId, b.SeriesId));
        var stored = (await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Series(plan.SeriesId)))).Events;
        Assert.Equal(4, stored.Count);
        Assert.Single(stored.Select(s => s.RecordedAt).Distinct()); // one append
        var appointments = await app.Get<IScheduleQueries>().SeriesAppointmentsAsync(plan.SeriesId);
        Assert.Equal(outcome.Booked.Select(b => b.AppointmentId), appointments.Select(a => a.AppointmentId));

        var mails = new List<Infrastructure.Email.OutboxMessage>();
        foreach (var e in stored)
            mails.AddRange(await app.Get<NoticeComposer>().ComposeAsync(e));
        var mail = Assert.Single(mails);
        Assert.StartsWith("Series booked: Consultation with Dr Ada Hart, 4 appointments from Tue 3 Mar", mail.Email.Subject);
        var calendar = System.Text.Encoding.UTF8.GetString(Assert.Single(mail.Email.Attachments!).Content);
        Assert.Equal(outcome.Booked.Select(b => $"UID:{b.AppointmentId:N}@clinicportal"),
            calendar.Split("\r\n").Where(l => l.StartsWith("UID:", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ADateTaken_IsRefusedWithTheNearestTimesThatWeek_AndAChosenAlternativeIsBookedWithTheRest()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        await BookAtAsync(practice, practice.Ben, FirstTuesday.AddDays(7), 9, 0);

        var (plan, _) = await practice.Series.PlanAsync(practice.Weekly(3), practice.Desk);

        var second = plan!.Dates[1];
        Assert.False(second.Bookable);
        Assert.True(second.NoFreeTime);
        Assert.Equal(["2026-03-10 09:10", "2026-03-10 09:20", "2026-03-10 09:30"], second.Alternatives.Select(a => Local(a.Offer.StartUtc)));
        Assert.True(plan.Dates[0].Bookable && plan.Dates[2].Bookable);

        var outcome = await practice.Series.BookAsync(practice.Weekly(3), practice.Desk, plan,
            new Dictionary<DateOnly, DateTimeOffset> { [second.Date] = second.Alternatives[0].Offer.StartUtc });
        Assert.Equal(["2026-03-03 09:00", "2026-03-10 09:10", "2026-03-17 09:00"], outcome.Booked!.Select(b => Local(b.Slots[0].StartUtc)));
    }

    [Fact]
    public async Task ADateTakenBetweenThePlanAndItsConfirmation_BooksNothing_AndThePlanIsShownAgainSayingWhatChanged()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var (shown, _) = await practice.Series.PlanAsync(practice.Weekly(4), practice.Desk);
        await BookAtAsync(practice, practice.Ben, FirstTuesday.AddDays(14), 9, 0);

        var outcome = await practice.Series.BookAsync(practice.Weekly(4), practice.Desk, shown);

        Assert.Null(outcome.Booked);
        Assert.Empty((await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Series(shown!.SeriesId)))).Events);
        Assert.Equal([FirstTuesday.AddDays(14)], outcome.Plan!.Changed);
        Assert.False(outcome.Plan.Dates[2].Bookable);
        Assert.Equal(3, outcome.Plan.BookableCount);
        Assert.Empty(await app.Get<IScheduleQueries>().FutureAppointmentsAsync(practice.Ada, app.Clock.GetUtcNow()));
    }

    [Fact]
    public async Task TheMonthlyLimitCountsAcrossTheSeries_TheDatesOverItAreRefusedWithThatReason_AndNextMonthsAreBookable()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        for (var i = 0; i < 8; i++) // eight of March's ten slots held already, on the other Tuesdays' late morning
            await BookAtAsync(practice, practice.Ada, FirstTuesday.AddDays(7 * (i % 4)), 9, 30 + 10 * (i / 4));

        var (plan, _) = await practice.Series.PlanAsync(practice.Weekly(6), practice.Desk);

        Assert.Equal([true, true, false, false, false, true], plan!.Dates.Select(d => d.Bookable));
        Assert.All(plan.Dates.Where(d => !d.Bookable), d => Assert.Equal(Rejection.MonthlyLimitReached, d.Refusal));
        Assert.All(plan.Dates.Where(d => !d.Bookable), d => Assert.Empty(d.Alternatives)); // any other time in March is over it too
        var outcome = await practice.Series.BookAsync(practice.Weekly(6), practice.Desk, plan);
        Assert.Equal(3, outcome.Booked!.Count);
        Assert.Equal(10, await app.Get<IScheduleQueries>().MonthlyUsageAsync(practice.Ada, "2026-03"));
    }

    [Fact]
    public async Task CancellingTheRest_CancelsEveryLaterOneAndKeepsTheEarlierOnes()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booked = (await practice.Series.BookAsync(practice.Weekly(4), practice.Desk)).Booked!;
        var seriesId = booked[0].SeriesId!.Value;

        var (cancelled, refused) = await app.Get<CancelSeriesHandler>().HandleAsync(seriesId, Actor.Patient(practice.Ada), booked[2].Slots[0].StartUtc);

        Assert.Empty(refused);
        Assert.Equal(booked.Skip(2).Select(b => b.AppointmentId), cancelled.Select(c => c.AppointmentId));
        var after = await app.Get<IScheduleQueries>().SeriesAppointmentsAsync(seriesId);
        Assert.Equal([null, null, "Patient", "Patient"], after.Select(a => a.Cancelled));
        Assert.Empty(await app.Get<CancelSeriesHandler>().RestAsync(seriesId, Actor.Patient(practice.Ben)));
    }

    [Fact]
    public async Task ARequestOutsideTheRules_IsSaidInASentence()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        Assert.Equal("Choose every 1 to 4 weeks.", (await practice.Series.PlanAsync(practice.Weekly(4) with { EveryWeeks = 5 }, practice.Desk)).Problem);
        Assert.Equal("A series has 2 to 26 appointments.", (await practice.Series.PlanAsync(practice.Weekly(27), practice.Desk)).Problem);
        Assert.Equal("Say how many appointments, or until which date (one of the two).",
            (await practice.Series.PlanAsync(practice.Weekly(4) with { Until = FirstTuesday.AddDays(30) }, practice.Desk)).Problem);
        var until = await practice.Series.PlanAsync(practice.Weekly(4) with { Occurrences = null, Until = FirstTuesday.AddDays(15), EveryWeeks = 1 }, practice.Desk);
        Assert.Equal(3, until.Plan!.Dates.Count);
    }

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task TwoReceptionistsBookOverlappingSeriesForTwoPatientsAtOnce_NoSlotEndsInTwoAppointments(string provider)
    {
        var practice = await StartAsync(provider);
        await using var app = practice.App;
        var other = Actor.Receptionist(await app.CreateUserAsync("Sam Desk", "sam@clinic.test", Roles.Receptionist));

        var (first, second) = await Race.BothAtOnceAsync(
            () => practice.Series.BookAsync(practice.Weekly(4), practice.Desk),
            () => practice.Series.BookAsync(practice.Weekly(4, practice.Ben) with { FirstStart = FirstTuesday.AddDays(7).ToDateTime(new TimeOnly(9, 0)) }, other));

        var booked = new[] { first, second }.Where(o => o.Booked is not null).SelectMany(o => o.Booked!).ToArray();
        Assert.NotEmpty(booked);
        Assert.Single(new[] { first, second }, o => o.Booked is not null); // the overlap goes to one series only, whole
        var slots = booked.SelectMany(b => b.Slots.Select(s => s.SlotId)).ToArray();
        Assert.Equal(slots.Length, slots.Distinct().Count());
        for (var week = 0; week < 5; week++)
        {
            var day = await app.Get<IScheduleQueries>().DayAppointmentsAsync(practice.Hart, FirstTuesday.AddDays(7 * week));
            Assert.True(day.Count(a => a.Cancelled is null && PracticeTime.ToLocal(a.StartUtc, A.London).Hour == 9 && a.StartUtc.Minute == 0) <= 1);
        }
    }

    [Fact]
    public async Task APatientBooksASeriesOnlyOfAVisitTypeMarkedForIt_ForThemselves()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var owner = Actor.Admin(await app.CreateUserAsync("Practice Owner", "owner@clinic.test", Roles.Admin));
        var physio = (await app.Get<Features.Admin.VisitTypes.DefineVisitTypeHandler>().HandleAsync(null,
            new Features.Admin.VisitTypes.VisitTypeForm("Physio", "", 10, [ClinicianKind.Doctor], [], true, "#00796b", PatientsBookSeries: true), owner)).Value!;
        Assert.True(physio.PatientsBookSeries);
        var ada = Actor.Patient(practice.Ada);

        Assert.Equal("The practice books a series of this kind of visit. Please phone reception to book one.",
            (await practice.Series.PlanAsync(practice.Weekly(3), ada)).Problem);
        var (plan, problem) = await practice.Series.PlanAsync(practice.Weekly(3) with { VisitTypeId = physio.VisitTypeId }, ada);
        Assert.Null(problem);
        var booked = await practice.Series.BookAsync(practice.Weekly(3) with { VisitTypeId = physio.VisitTypeId }, ada, plan);
        Assert.Equal(3, booked.Booked!.Count);
        Assert.All(booked.Booked, b => Assert.Equal(physio.VisitTypeId, b.VisitType));

        // Dates past how far ahead patients book (60 days by default) are refused as such, with no other times offered.
        var (far, _) = await practice.Series.PlanAsync(practice.Weekly(12) with { VisitTypeId = physio.VisitTypeId, FirstStart = FirstTuesday.AddDays(21).ToDateTime(new TimeOnly(9, 0)) }, ada);
        Assert.Equal(["2026-03-24", "2026-03-31", "2026-04-07", "2026-04-14", "2026-04-21", "2026-04-28"],
            far!.Dates.Where(d => d.Bookable).Select(d => d.Date.ToString("yyyy-MM-dd")));
        Assert.All(far.Dates.Where(d => d.Date > new DateOnly(2026, 5, 1)), d => Assert.Equal(Rejection.BookingTooFarAhead, d.Refusal));
        Assert.All(far.Dates.Where(d => !d.Bookable), d => Assert.Empty(d.Alternatives));
        Assert.DoesNotContain(far.Dates, d => d.NoFreeTime);

        // The decision itself refuses a patient's series of a visit type not marked for it, whatever the page offered.
        var consultation = await practice.Series.BookAsync(practice.Weekly(2) with { FirstStart = FirstTuesday.AddDays(28).ToDateTime(new TimeOnly(9, 0)) }, ada);
        Assert.Equal(Rejection.SeriesNotBookableOnline, consultation.Refusal);
    }

    [Fact]
    public async Task AnAppointmentOfASeriesCancelledOnItsOwn_ItsEmailSaysItIsOneOfASeries_AndASingleOnesDoesNot()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var series = await practice.Series.BookAsync(practice.Weekly(2), practice.Desk);
        var single = await BookAtAsync(practice, practice.Ben, FirstTuesday, 9, 30);
        var cancel = app.Get<Features.Booking.CancelAppointment.CancelAppointmentHandler>();

        async Task<string> CancellationTextAsync(Guid appointment)
        {
            Assert.True((await cancel.HandleAsync(appointment, practice.Desk)).IsAccepted);
            var stored = (await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Appointment(appointment)))).Events.Single(e => e.Event is AppointmentCancelled);
            var mail = Assert.Single(await app.Get<NoticeComposer>().ComposeAsync(stored)).Email;
            Assert.Equal(mail.TextBody.Contains("one of a series"), mail.HtmlBody.Contains("data-part=\"series\""));
            return mail.TextBody;
        }

        Assert.Contains("This appointment is one of a series; the series' other appointments stay as they are.",
            await CancellationTextAsync(series.Booked![0].AppointmentId));
        Assert.DoesNotContain("series", await CancellationTextAsync(single.AppointmentId));
    }
}
