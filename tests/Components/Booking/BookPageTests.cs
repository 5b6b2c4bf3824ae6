using ClinicPortal.Features.Clock;
using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Admin.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Components.Booking;

/// <summary>The Book page over the app's real handlers and read models on a SQLite file, driven as a patient would.</summary>
public class BookPageTests : ClinicTestContext
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3); // the app's "now" is Monday 2 March, 08:00
    private const string Address = "http://localhost/book?date=2026-03-03";
    private static readonly string LongConsultation = $"http://localhost/book?type={VisitType.LongConsultationId}&date=2026-03-03";

    private TestApp app = default!;
    private Guid hart;
    private Guid okafor;
    private Guid patient;
    private DayScheduled hartsDay = default!;
    private readonly GatedEventStore.Gate gate = new();

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync(replace: services =>
        {
            services.AddSingleton<SqliteEventStore>();
            services.AddSingleton<IEventStore>(p => new GatedEventStore(p.GetRequiredService<SqliteEventStore>(), gate));
        });
        hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.example", Roles.Doctor);
        patient = await app.CreateUserAsync("Pat Lee", "pat@mail.example", Roles.Patient);
        var schedule = app.Get<ScheduleDayHandler>();
        hartsDay = (await schedule.HandleAsync(hart, Tuesday, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        await schedule.HandleAsync(okafor, Tuesday, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(okafor));
        SignIn(patient, "pat@mail.example", Roles.Patient);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    private (IRenderedComponent<BookPage> Page, IRenderedComponent<MudDialogProvider> Dialogs, IRenderedComponent<MudSnackbarProvider> Snackbars) Open(string address = Address, bool expectOffers = true)
    {
        var (dialogs, snackbars) = RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo(address);
        var page = Render<BookPage>();
        page.WaitForElement(expectOffers ? "button.slot-offer" : "[data-testid=no-slots]");
        return (page, dialogs, snackbars);
    }

    private static string[] Offers(IRenderedComponent<BookPage> page, string doctor) =>
        page.FindAll($"section[aria-label='{doctor}'] button.slot-offer").Select(b => b.TextContent.Trim()).ToArray();

    private Task<IReadOnlyList<PatientAppointment>> AppointmentsAsync(Guid who) => app.Get<ScheduleReadModel>().FutureAppointmentsAsync(who, app.Clock.GetUtcNow());

    [Fact]
    public void TheDayInTheAddressIsShownWithEachCliniciansFreeTimes()
    {
        var (page, _, _) = Open();

        Assert.Contains("Tuesday 3 March 2026", page.Markup);
        Assert.Equal(["09:00", "09:10", "09:20", "09:30", "09:40", "09:50"], Offers(page, "Dr Ada Hart"));
        Assert.Equal(["09:00", "09:10", "09:20"], Offers(page, "Dr Ben Okafor"));
    }

    [Fact]
    public async Task ChoosingATimeAndConfirmingInTheDialogBooksExactlyThatSlot()
    {
        var (page, dialogs, snackbars) = Open();

        page.Find("button[aria-label='Book 09:10 to 09:20 with Dr Ada Hart']").Click();
        dialogs.WaitForAssertion(() => Assert.Equal("Book a Consultation, 09:10–09:20 on Tuesday 3 March, with Dr Ada Hart?", dialogs.Find("[data-testid=confirm-message]").TextContent.Trim()));
        await dialogs.Find("[data-testid=confirm]").ClickAsync(new());

        snackbars.WaitForAssertion(() => Assert.Equal("Booked", snackbars.Find("[data-testid=outcome-title]").TextContent));
        var booking = Assert.Single(await AppointmentsAsync(patient));
        Assert.Equal(hartsDay.Slots[1].StartUtc, booking.StartUtc);
        Assert.Equal(1, booking.SlotCount);
        page.WaitForAssertion(() => Assert.DoesNotContain("09:10", Offers(page, "Dr Ada Hart")));
    }

    [Fact]
    public async Task KeepingLookingBooksNothing()
    {
        var (page, dialogs, _) = Open();

        page.Find("button[aria-label='Book 09:00 to 09:10 with Dr Ada Hart']").Click();
        dialogs.WaitForElement("[data-testid=confirm]");
        page.WaitForAssertion(() => Assert.DoesNotContain("09:00", Offers(page, "Dr Ada Hart"))); // held while the patient decides
        await dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Keep looking").ClickAsync(new());

        dialogs.WaitForAssertion(() => Assert.Empty(dialogs.FindAll("[data-testid=confirm]")));
        Assert.Empty(await AppointmentsAsync(patient));
        page.WaitForAssertion(() => Assert.Contains("09:00", Offers(page, "Dr Ada Hart"))); // let go at once
    }

    [Fact]
    public async Task WhileThePatientConfirms_NobodyElseCanTakeTheTime_AndAnotherIsToldWhyInASentence()
    {
        var (page, dialogs, snackbars) = Open();
        var other = await app.CreateUserAsync("Sam Ray", "sam@mail.example", Roles.Patient);

        page.Find("button[aria-label='Book 09:30 to 09:40 with Dr Ada Hart']").Click();
        dialogs.WaitForElement("[data-testid=confirm]");
        Assert.Contains("Kept for you for 5:00", dialogs.Find("[data-testid=hold-left]").TextContent);
        var theirs = await app.Get<BookSlotsHandler>().HandleAsync(other, [hartsDay.Slots[3].SlotId], Actor.Patient(other));
        Assert.Equal(Rejection.SlotHeld, theirs.Rejection);
        Assert.Equal("Someone else is confirming that time just now. Please choose another, or look again in a few minutes.", ClinicPortal.Features.Shared.RejectionText.For(theirs.Rejection!.Value));
        await dialogs.Find("[data-testid=confirm]").ClickAsync(new());

        snackbars.WaitForAssertion(() => Assert.Equal("Booked", snackbars.Find("[data-testid=outcome-title]").TextContent));
        Assert.Single(await AppointmentsAsync(patient));
    }

    [Fact]
    public async Task TheDialogCountsDown_AndOnceTheTimeKeptRunsOutItSaysSo_BooksNothing_AndTheTimeIsOfferedAgain()
    {
        var (page, dialogs, _) = Open();

        page.Find("button[aria-label='Book 09:40 to 09:50 with Dr Ada Hart']").Click();
        dialogs.WaitForElement("[data-testid=hold-left]");
        app.Clock.Advance(TimeSpan.FromSeconds(75));
        dialogs.WaitForAssertion(() => Assert.Contains("Kept for you for 3:45", dialogs.Find("[data-testid=hold-left]").TextContent), TimeSpan.FromSeconds(3));
        app.Clock.Advance(TimeSpan.FromMinutes(4));
        dialogs.WaitForAssertion(() => Assert.Contains("ran out", dialogs.Find("[data-testid=hold-expired]").TextContent), TimeSpan.FromSeconds(3));
        Assert.Empty(dialogs.FindAll("[data-testid=confirm]"));

        Assert.Equal(1, await app.Get<ClinicPortal.Features.Clock.DueTimers>().RunDueAsync()); // the practice's clock gives it back
        page.WaitForAssertion(() => Assert.Contains("09:40", Offers(page, "Dr Ada Hart")));
        await dialogs.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Close").ClickAsync(new());
        Assert.Empty(await AppointmentsAsync(patient));
    }

    [Fact]
    public async Task TheDoubleSlotOfferAppearsOnlyWhereTwoAdjacentSlotsAreFree()
    {
        var other = await app.CreateUserAsync("Sam Ray", "sam@mail.example", Roles.Patient);
        await app.Get<BookSlotsHandler>().HandleAsync(other, [hartsDay.Slots[2].SlotId], Actor.Patient(other)); // 09:20
        var (page, _, _) = Open(LongConsultation);

        page.WaitForAssertion(() => Assert.Equal(["09:00–09:20", "09:30–09:50", "09:40–10:00"], Offers(page, "Dr Ada Hart")));
        Assert.Equal(["09:00–09:20", "09:10–09:30"], Offers(page, "Dr Ben Okafor"));
    }

    [Fact]
    public async Task ATimeAtWhichThePatientIsAlreadyBookedIsNotOfferedAndAHintSaysWhy()
    {
        await app.Get<BookSlotsHandler>().HandleAsync(patient, [hartsDay.Slots[2].SlotId], Actor.Patient(patient)); // 09:20 with Hart

        var (page, _, _) = Open();

        Assert.Equal(["09:00", "09:10"], Offers(page, "Dr Ben Okafor"));
        Assert.DoesNotContain("09:20", Offers(page, "Dr Ada Hart"));
        Assert.Contains("already have an appointment on this day", page.Find("[data-testid=clash-hint]").TextContent);
    }

    [Fact]
    public async Task WhileAnAppointmentIsSavedProgressShowsAndNoOtherTimeCanBePressed()
    {
        var (page, dialogs, snackbars) = Open();
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid=busy]")));

        page.Find("button[aria-label='Book 09:00 to 09:10 with Dr Ben Okafor']").Click();
        dialogs.WaitForElement("[data-testid=confirm]");
        gate.Close();
        var confirming = dialogs.Find("[data-testid=confirm]").ClickAsync(new());

        page.WaitForAssertion(() =>
        {
            Assert.NotEmpty(page.FindAll("[data-testid=busy]"));
            Assert.All(page.FindAll("button.slot-offer"), b => Assert.True(b.HasAttribute("disabled")));
        });
        gate.Open();
        await confirming;
        snackbars.WaitForAssertion(() => Assert.Equal("Booked", snackbars.Find("[data-testid=outcome-title]").TextContent));
        page.WaitForAssertion(() =>
        {
            Assert.Empty(page.FindAll("[data-testid=busy]"));
            Assert.All(page.FindAll("button.slot-offer"), b => Assert.False(b.HasAttribute("disabled")));
        });
    }

    private async Task HoldInMarchAsync(int slots)
    {
        var wednesday = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, Tuesday.AddDays(1), [new BlockOfTime(new(9, 0), new(11, 0))], Actor.Doctor(hart))).Value!;
        for (var i = 0; i < slots; i++)
            Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(patient, [wednesday.Slots[i].SlotId], Actor.Patient(patient))).IsAccepted);
    }

    [Fact]
    public async Task APatientAtTheMonthsLimitIsToldHowManyAreLeftAndOfferedNothing()
    {
        await HoldInMarchAsync(10);

        var (page, _, _) = Open(expectOffers: false);

        Assert.Equal("0 of 10 slots left in March", page.Find("[data-testid=slots-left]").TextContent.Trim());
        Assert.Contains("hold 10 slots in March", page.Find("[data-testid=limit-hint]").TextContent);
        Assert.Empty(page.FindAll("button.slot-offer"));
        // Not "no free times on this day": there are, and the limit above is why none is offered.
        Assert.Equal("Nothing more can be booked in March: see above. Another month is open as usual.", page.Find("[data-testid=no-slots]").TextContent.Trim());
    }

    [Fact]
    public async Task WithOneSlotLeftNoLongConsultationIsOffered()
    {
        await HoldInMarchAsync(9);

        var (longer, _, _) = Open(LongConsultation, expectOffers: false);

        Assert.Equal("1 of 10 slots left in March", longer.Find("[data-testid=slots-left]").TextContent.Trim());
        Assert.Empty(longer.FindAll("button.slot-offer"));
        Assert.Contains("so a Long consultation (2 slots) cannot be booked this month", longer.Find("[data-testid=limit-hint]").TextContent);
    }

    [Fact]
    public async Task ADeactivatedCliniciansTimesAreNotOffered()
    {
        await app.Get<StaffAdministration>().SetActiveAsync(okafor, active: false);

        var (page, _, _) = Open();

        Assert.Equal(["Dr Ada Hart"], page.FindAll("section[data-testid=clinician-offers] h2").Select(h => h.TextContent.Trim()));
    }

    private async Task<(Guid Nurse, Guid Vaccination)> AddNurseAndVaccinationAsync(DateOnly nursesDay)
    {
        var nurse = await app.CreateUserAsync("Nia Shaw", "nurse@clinic.example", Roles.Nurse);
        var owner = Actor.Admin(Guid.NewGuid());
        var define = app.Get<DefineVisitTypeHandler>();
        var vaccination = (await define.HandleAsync(null,
            new VisitTypeForm("Vaccination", "With the nurse.", 10, [ClinicianKind.Nurse], [], true, "#7b1fa2"), owner)).Value!.VisitTypeId;
        Assert.True((await define.HandleAsync(null,
            new VisitTypeForm("Minor procedure", "", 30, [ClinicianKind.Doctor], [], false, "#c62828"), owner)).IsAccepted);
        Assert.True((await app.Get<ScheduleDayHandler>().HandleAsync(nurse, nursesDay, [new BlockOfTime(new(10, 0), new(10, 30))],
            Actor.Clinician(nurse, ClinicianKind.Nurse))).IsAccepted);
        return (nurse, vaccination);
    }

    [Fact]
    public async Task AVaccinationChosenInTheAddressOffersOnlyTheNursesTimes()
    {
        var (_, vaccination) = await AddNurseAndVaccinationAsync(Tuesday);

        var (page, _, _) = Open($"http://localhost/book?type={vaccination}&date=2026-03-03");

        Assert.Equal("Vaccination (10 min)", page.Find("[data-testid=visit-type]").GetAttribute("value"));
        Assert.Equal("With the nurse.", page.Find("[data-testid=visit-type-description]").TextContent.Trim());
        Assert.Equal(["Nia Shaw"], page.FindAll("section[data-testid=clinician-offers] h2").Select(h => h.TextContent.Trim()));
        Assert.Equal(["10:00", "10:10", "10:20"], Offers(page, "Nia Shaw"));
    }

    [Fact]
    public async Task NextAvailableJumpsToTheFirstDayWithAFreeStart_AndSaysSo()
    {
        var (_, vaccination) = await AddNurseAndVaccinationAsync(Tuesday.AddDays(9));
        var (page, _, _) = Open($"http://localhost/book?type={vaccination}&date=2026-03-03", expectOffers: false);

        page.Find("[data-testid=next-available]").Click();

        page.WaitForAssertion(() => Assert.Contains("Thursday 12 March 2026", page.Markup));
        Assert.Contains("The first free time for a Vaccination is on Thursday 12 March.", page.Find("[data-testid=next-available-note]").TextContent);
        Assert.Equal(["10:00", "10:10", "10:20"], Offers(page, "Nia Shaw"));
        Assert.Contains("date=2026-03-12", Services.GetRequiredService<NavigationManager>().Uri);
    }

    [Fact]
    public async Task TimeKeptForStaffIsNotOfferedToAPatient()
    {
        Assert.True((await app.Get<ScheduleDayHandler>().HandleAsync(okafor, Tuesday, [new BlockOfTime(new(11, 0), new(11, 30), StaffOnly: true)],
            Actor.Doctor(okafor))).IsAccepted);

        var (page, _, _) = Open();

        Assert.Equal(["09:00", "09:10", "09:20"], Offers(page, "Dr Ben Okafor"));
    }

    [Fact]
    public void TheNextDayButtonShowsTheNextDayAndPutsItInTheAddress()
    {
        var (page, _, _) = Open("http://localhost/book?date=2026-03-02", expectOffers: false);
        var navigation = Services.GetRequiredService<NavigationManager>();

        page.Find("button[aria-label='Next day']").Click();

        page.WaitForAssertion(() => Assert.Contains("Tuesday 3 March 2026", page.Markup));
        Assert.Contains("date=2026-03-03", navigation.Uri);
        Assert.Contains($"type={VisitType.ConsultationId}", navigation.Uri);
        Assert.Equal(6, Offers(page, "Dr Ada Hart").Length);
    }
}

/// <summary>The real event store, with appends that wait while the test holds the gate shut: a slow disk on demand.</summary>
public sealed class GatedEventStore(IEventStore inner, GatedEventStore.Gate gate) : IEventStore
{
    public sealed class Gate
    {
        private volatile TaskCompletionSource open = Opened();

        private static TaskCompletionSource Opened()
        {
            var source = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            source.SetResult();
            return source;
        }

        public void Close() => open = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        public void Open() => open.TrySetResult();
        public Task PassAsync() => open.Task;
    }

    public Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default) => inner.ReadAsync(query, cancellationToken);

    public async Task<long> AppendAsync(IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken = default)
    {
        await gate.PassAsync().WaitAsync(cancellationToken);
        return await inner.AppendAsync(events, metadata, condition, cancellationToken);
    }

    public Task<long> LastPositionAsync(CancellationToken cancellationToken = default) => inner.LastPositionAsync(cancellationToken);

    public Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default) =>
        inner.ReadAfterAsync(position, maxCount, cancellationToken);
}

/// <summary>Staff book over a patient's own clash on the Book page: shown on request, and only with a reason.</summary>
public class BookOverAClashTests : ClinicTestContext
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3);

    private TestApp app = default!;
    private Guid patient;
    private SlotsBooked moving = default!;
    private SlotsBooked other = default!;
    private SlotsBooked samsAt0940 = default!;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var okafor = await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.example", Roles.Doctor);
        patient = await app.CreateUserAsync("Pat Lee", "pat@mail.example", Roles.Patient);
        var desk = await app.CreateUserAsync("Rita Desk", "desk@clinic.example", Roles.Receptionist);
        var schedule = app.Get<ScheduleDayHandler>();
        var hartsDay = (await schedule.HandleAsync(hart, Tuesday, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var okaforsDay = (await schedule.HandleAsync(okafor, Tuesday, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(okafor))).Value!;
        var book = app.Get<BookSlotsHandler>();
        moving = (await book.HandleAsync(patient, [hartsDay.Slots[2].SlotId], Actor.Patient(patient))).Value!; // 09:20 with Hart
        other = (await book.HandleAsync(patient, [okaforsDay.Slots[0].SlotId], Actor.Patient(patient))).Value!; // 09:00 with Okafor
        var sam = await app.CreateUserAsync("Sam Roe", "sam@mail.example", Roles.Patient);
        samsAt0940 = (await book.HandleAsync(sam, [hartsDay.Slots[4].SlotId], Actor.Patient(sam))).Value!; // 09:40 with Hart
        SignIn(desk, "desk@clinic.example", Roles.Receptionist);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    private static string[] Offers(IRenderedComponent<BookPage> page, string doctor) =>
        page.FindAll($"section[aria-label='{doctor}'] button.slot-offer").Select(b => b.TextContent.Trim()).ToArray();

    [Fact]
    public async Task TheOverlappingTimeIsShownOnRequest_AndMovingThereAsksWhy_ThenTheClashIsOnTheDeskWithTheReason()
    {
        var (dialogs, snackbars) = RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo(
            $"http://localhost/book?move={moving.AppointmentId}&type={VisitType.ConsultationId}&date=2026-03-03&back=conflicts");
        var page = Render<BookPage>();
        page.WaitForElement("button.slot-offer");
        Assert.DoesNotContain("09:00", Offers(page, "Dr Ada Hart")); // Pat has 09:00 with Dr Okafor

        page.Find("input[data-testid=show-clashes], [data-testid=show-clashes] input").Change(true);
        page.WaitForAssertion(() => Assert.Contains("09:00", Offers(page, "Dr Ada Hart")));
        page.FindAll("section[aria-label='Dr Ada Hart'] button.slot-offer").First(b => b.TextContent.Trim() == "09:00").Click();

        dialogs.WaitForElement("[data-testid=reason-confirm]");
        Assert.Contains("already has an appointment overlapping", dialogs.Find("[data-testid=reason-message]").TextContent);
        await dialogs.Find("[data-testid=reason-confirm]").ClickAsync(new());
        dialogs.WaitForAssertion(() => Assert.Contains("Say why", dialogs.Markup)); // said next to the field; nothing moved
        dialogs.Find("textarea#override-reason, #override-reason").Change("Seen by both together");
        await dialogs.Find("[data-testid=reason-confirm]").ClickAsync(new());

        snackbars.WaitForAssertion(() => Assert.Equal("Moved", snackbars.Find("[data-testid=outcome-title]").TextContent));
        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((moving.AppointmentId, other.AppointmentId, "Seen by both together"), (conflict.AppointmentId, conflict.OtherAppointmentId, conflict.OverrideReason));
        // Back to the desk once moved (the page navigates after the move's outcome is shown).
        var navigation = Services.GetRequiredService<NavigationManager>();
        await Poll.UntilAsync(() => navigation.Uri.EndsWith("/conflicts", StringComparison.Ordinal), TimeSpan.FromSeconds(5));
        Assert.EndsWith("/conflicts", navigation.Uri);
    }

    [Fact]
    public async Task AnotherPatientsBookedTimeIsShownDashedOnRequest_AndMovingThereSaysTheClinicianHasAnotherPatient_ThenTheDeskHasIt()
    {
        var (dialogs, snackbars) = RenderProviders();
        Services.GetRequiredService<NavigationManager>().NavigateTo(
            $"http://localhost/book?move={samsAt0940.AppointmentId}&type={VisitType.ConsultationId}&date=2026-03-03");
        var page = Render<BookPage>();
        page.WaitForElement("button.slot-offer");
        Assert.DoesNotContain("09:20", Offers(page, "Dr Ada Hart")); // Pat's
        Assert.Empty(page.FindAll("button.booked-clash"));

        page.Find("input[data-testid=show-clashes], [data-testid=show-clashes] input").Change(true);
        page.WaitForAssertion(() => Assert.Contains("09:20", page.FindAll("section[aria-label='Dr Ada Hart'] button.booked-clash").Select(b => b.TextContent.Trim())));
        var over = page.FindAll("section[aria-label='Dr Ada Hart'] button.booked-clash").First(b => b.TextContent.Trim() == "09:20");
        Assert.Contains("over another patient's booked time", over.GetAttribute("aria-label"));
        Assert.Contains("09:40", Offers(page, "Dr Ada Hart")); // Sam's own time is no clash to Sam
        Assert.DoesNotContain(page.FindAll("section[aria-label='Dr Ada Hart'] button.booked-clash"), b => b.TextContent.Trim() == "09:40");
        over.Click();

        dialogs.WaitForElement("[data-testid=reason-confirm]");
        Assert.Contains("Dr Ada Hart already has another patient for some of 09:20–09:30", dialogs.Find("[data-testid=reason-message]").TextContent);
        dialogs.Find("textarea#override-reason, #override-reason").Change("Quick result check, doctor agreed");
        await dialogs.Find("[data-testid=reason-confirm]").ClickAsync(new());

        snackbars.WaitForAssertion(() => Assert.Equal("Moved", snackbars.Find("[data-testid=outcome-title]").TextContent));
        var conflict = Assert.Single(await app.Get<ConflictsReadModel>().OpenAsync(app.Clock.GetUtcNow()));
        Assert.Equal((ConflictKinds.ClinicianDoubleBooked, "Quick result check, doctor agreed"), (conflict.Kind, conflict.OverrideReason));
        Assert.Equal(new[] { moving.AppointmentId, samsAt0940.AppointmentId }.Order(), new[] { conflict.AppointmentId, conflict.OtherAppointmentId!.Value }.Order());
    }
}
