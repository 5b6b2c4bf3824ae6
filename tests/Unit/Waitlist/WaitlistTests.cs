using ClinicPortal.Features.Clock;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Holds;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Waitlist;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Waitlist;

/// <summary>
/// The waiting list on a real SQLite file, the clock in the test's hands: a freed time goes to the first in line, kept for
/// them for the offer's minutes with an email to book it; if it runs out, or they leave, the next in line gets it.
/// </summary>
public class WaitlistTests
{
    private sealed record Practice(TestApp App, Guid Clinician, Guid Booker, Guid[] Waiting, DayScheduled Day);

    private static async Task<Practice> StartAsync(int waiting = 2)
    {
        var app = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Email:LinkBaseUrl"] = "https://clinic.example" });
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var booker = await app.CreateUserAsync("Bea Booked", "bea@mail.example", Roles.Patient);
        var ids = new Guid[waiting];
        for (var i = 0; i < waiting; i++)
            ids[i] = await app.CreateUserAsync($"Wanda Waiting {i + 1}", $"w{i + 1}@mail.example", Roles.Patient);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 10))], Actor.Doctor(doctor))).Value!;
        return new Practice(app, doctor, booker, ids, day);
    }

    private static async Task<Guid> JoinAsync(TestApp app, Guid patient, Guid? clinician = null, DateOnly? day = null) =>
        (await app.Get<WaitlistHandler>().JoinAsync(patient, Domain.VisitTypes.VisitType.ConsultationId, clinician, day ?? A.Tomorrow, day ?? A.Tomorrow.AddDays(2),
            Actor.Patient(patient))).Value!.WaitId;

    private static async Task<string> StatusAsync(TestApp app, Guid wait) => (await app.Get<WaitlistReadModel>().FindAsync(wait))!.Status;

    private static async Task<IReadOnlyList<OutboxRow>> OffersEmailedAsync(TestApp app)
    {
        await app.Get<PatientNotices>().CatchUpAsync();
        return (await app.Get<EmailOutbox>().ListAsync(null, 100)).Where(r => r.Kind == "waitlist-offer").OrderBy(r => r.Id).ToArray();
    }

    [Fact]
    public async Task AFreedTimeIsKeptForTheFirstInLine_AndEmailed_IfItRunsOutTheNextGetsIt_WhoBooksIt()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var slot = practice.Day.Slots[0];
        var booking = (await app.Get<BookSlotsHandler>().HandleAsync(practice.Booker, [slot.SlotId], Actor.Patient(practice.Booker))).Value!;
        var first = await JoinAsync(app, practice.Waiting[0]);
        var second = await JoinAsync(app, practice.Waiting[1]);
        var offers = app.Get<WaitlistOffers>();
        await offers.CatchUpAsync();
        Assert.Equal("waiting", await StatusAsync(app, first)); // nothing freed yet

        await app.Get<CancelAppointmentHandler>().HandleAsync(booking.AppointmentId, Actor.Patient(practice.Booker));
        await offers.CatchUpAsync();
        Assert.Equal("offered", await StatusAsync(app, first));
        Assert.Equal("waiting", await StatusAsync(app, second));
        var offer = (await app.Get<HoldsReadModel>().FindAsync((await app.Get<WaitlistReadModel>().FindAsync(first))!.HoldId!.Value))!;
        Assert.Equal((practice.Waiting[0], "pending", app.Clock.GetUtcNow().AddMinutes(60)), (offer.PatientId, offer.Status, offer.ExpiresAt));
        var email = Assert.Single(await OffersEmailedAsync(app));
        Assert.Equal(("w1@mail.example", "A time came free: Dr Ada Hart, Tue 3 Mar at 09:00"), (email.Recipient, email.Subject));
        var body = Assert.Single(await app.Get<EmailOutbox>().DueAsync(app.Clock.GetUtcNow(), 100), d => d.Id == email.Id).Email;
        Assert.Contains($"https://clinic.example/offers/{offer.HoldId}", body.HtmlBody);
        Assert.Contains("09:00 on Mon 2 Mar", body.TextBody);
        Assert.Equal(Rejection.SlotHeld, (await app.Get<BookSlotsHandler>().HandleAsync(practice.Booker, [slot.SlotId], Actor.Patient(practice.Booker))).Rejection);

        app.Clock.Advance(TimeSpan.FromMinutes(60));
        Assert.Equal(1, await app.Get<DueTimers>().RunDueAsync());
        await offers.CatchUpAsync();
        Assert.Equal("missed", await StatusAsync(app, first));
        Assert.Equal("offered", await StatusAsync(app, second));
        var next = (await app.Get<WaitlistReadModel>().FindAsync(second))!.HoldId!.Value;
        Assert.Equal("w2@mail.example", (await OffersEmailedAsync(app))[^1].Recipient);

        var booked = await app.Get<HoldHandler>().ConfirmAsync(next, Actor.Patient(practice.Waiting[1]));
        Assert.True(booked.IsAccepted, booked.Rejection.ToString());
        Assert.Equal("booked", await StatusAsync(app, second));
        Assert.Empty(await app.Get<WaitlistReadModel>().OpenAsync(new DateOnly(2026, 3, 2)));
        await offers.CatchUpAsync();
        Assert.Equal(2, (await OffersEmailedAsync(app)).Count); // nothing offered twice

        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL
    }

    [Fact]
    public async Task LeavingWithATimeKept_LetsItGo_ToTheNextInLine()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var booking = (await app.Get<BookSlotsHandler>().HandleAsync(practice.Booker, [practice.Day.Slots[0].SlotId], Actor.Patient(practice.Booker))).Value!;
        var first = await JoinAsync(app, practice.Waiting[0]);
        var second = await JoinAsync(app, practice.Waiting[1], practice.Clinician);
        await app.Get<CancelAppointmentHandler>().HandleAsync(booking.AppointmentId, A.Receptionist);
        await app.Get<WaitlistOffers>().CatchUpAsync();
        Assert.Equal("offered", await StatusAsync(app, first));

        Assert.Equal(Rejection.WaitNotFound, (await app.Get<WaitlistHandler>().LeaveAsync(first, Actor.Patient(practice.Waiting[1]))).Rejection);
        Assert.True((await app.Get<WaitlistHandler>().LeaveAsync(first, Actor.Patient(practice.Waiting[0]))).IsAccepted);
        await app.Get<WaitlistOffers>().CatchUpAsync();
        Assert.Equal("left", await StatusAsync(app, first));
        Assert.Equal("offered", await StatusAsync(app, second));
        Assert.Single(await app.Get<WaitlistReadModel>().OpenOfPatientAsync(practice.Waiting[1], new DateOnly(2026, 3, 2)));
        Assert.Empty(await app.Get<WaitlistReadModel>().OpenOfPatientAsync(practice.Waiting[0], new DateOnly(2026, 3, 2)));
    }

    [Fact]
    public async Task ANewDayScheduled_IsOfferedToTheWaitsForIt_OneTimeEach()
    {
        var practice = await StartAsync(waiting: 3);
        await using var app = practice.App;
        var friday = A.Tomorrow.AddDays(2);
        var waits = new List<Guid>();
        foreach (var patient in practice.Waiting)
            waits.Add(await JoinAsync(app, patient, day: friday));
        await app.Get<ScheduleDayHandler>().HandleAsync(practice.Clinician, friday, [new BlockOfTime(new(14, 0), new(14, 20))], Actor.Doctor(practice.Clinician));
        await app.Get<WaitlistOffers>().CatchUpAsync();

        Assert.Equal(["offered", "offered", "waiting"], await Task.WhenAll(waits.Select(w => StatusAsync(app, w))));
        var times = new List<DateTimeOffset>();
        foreach (var wait in waits.Take(2))
            times.Add((await app.Get<HoldsReadModel>().FindAsync((await app.Get<WaitlistReadModel>().FindAsync(wait))!.HoldId!.Value))!.StartUtc);
        Assert.Equal([A.At(friday, 14), A.At(friday, 14, 10)], times);
    }
}
