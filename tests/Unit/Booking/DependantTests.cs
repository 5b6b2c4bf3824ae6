using ClinicPortal.Application;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Holds;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit.Booking;

/// <summary>
/// Dependants through the accounts and the handlers, on a real SQLite file and on PostgreSQL: a parent adds a child and
/// books for them (the handler finds the link; the emails go to the parent and name the child), reception finds the child
/// by the parent's name, and a child given their own account keeps every appointment while the parent no longer acts for them.
/// </summary>
public class DependantTests
{
    private sealed record Family(TestApp App, Guid Hart, Guid Maya, Guid Sam, Guid Stranger)
    {
        public DependantAccounts Dependants => App.Get<DependantAccounts>();

        public async Task<Guid> SlotAsync(int hour, int minute) =>
            (await App.Get<IScheduleQueries>().ClinicianDayAsync(Hart, A.Tomorrow)).Slots
            .Single(s => PracticeTime.ToLocal(s.StartUtc, A.London).TimeOfDay == new TimeSpan(hour, minute, 0)).SlotId;
    }

    private static async Task<Family> StartAsync(string provider)
    {
        var app = await TestApp.StartAsync(provider: provider);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var maya = await app.CreateUserAsync("Maya Okafor", "maya@mail.test", Roles.Patient);
        var stranger = await app.CreateUserAsync("Stan Ranger", "stan@mail.test", Roles.Patient);
        Assert.True((await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).IsAccepted);
        var added = await app.Get<DependantAccounts>().AddAsync(maya, new("Sam Okafor", new DateOnly(2019, 5, 3), "07700 900123"));
        Assert.True(added.IsDone, added.Error);
        return new Family(app, hart, maya, added.Id!.Value, stranger);
    }

    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task AParentBooksForTheirChild_TheEmailGoesToTheParentNamingTheChild_AndAStrangerMayNotBookForThem(string provider)
    {
        var family = await StartAsync(provider);
        await using var app = family.App;
        Assert.Equal([("Sam Okafor", new DateOnly(2019, 5, 3), "07700 900123")],
            (await family.Dependants.OfAsync(family.Maya)).Select(d => (d.Name, d.DateOfBirth, d.Phone)));

        // Through a hold, as the Book page does: the actor the page gives knows nothing of Sam; the handlers ask the accounts.
        var held = await app.Get<HoldHandler>().PlaceAsync(family.Sam, [await family.SlotAsync(9, 0)], Actor.Patient(family.Maya));
        Assert.True(held.IsAccepted, held.Rejection?.ToString());
        var booked = await app.Get<HoldHandler>().ConfirmAsync(held.Value!.HoldId, Actor.Patient(family.Maya), "a sore ear");
        Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
        Assert.Equal((family.Sam, family.Maya.ToString()), (booked.Value!.PatientId, booked.Value.BookedBy));
        // Maya books her own visit straight after: her child's is not hers.
        var own = await app.Get<BookSlotsHandler>().HandleAsync(family.Maya, [await family.SlotAsync(9, 10)], Actor.Patient(family.Maya));
        Assert.True(own.IsAccepted, own.Rejection?.ToString());

        var stranger = await app.Get<BookSlotsHandler>().HandleAsync(family.Sam, [await family.SlotAsync(9, 20)], Actor.Patient(family.Stranger));
        Assert.Equal(Rejection.NotAllowed, stranger.Rejection);
        var strangerCancels = await app.Get<CancelAppointmentHandler>().HandleAsync(booked.Value.AppointmentId, Actor.Patient(family.Stranger));
        Assert.Equal(Rejection.NotYourAppointment, strangerCancels.Rejection);

        var stored = (await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Appointment(booked.Value.AppointmentId)))).Events.Single(e => e.Event is SlotsBooked);
        var mail = Assert.Single(await app.Get<NoticeComposer>().ComposeAsync(stored)).Email;
        Assert.Equal("maya@mail.test", mail.To);
        Assert.EndsWith("· for Sam Okafor", mail.Subject);
        Assert.StartsWith("Dear Maya Okafor,\n\nThis is about Sam Okafor's appointment, which you manage.", mail.TextBody);
        Assert.Contains("data-part=\"for\"", mail.HtmlBody);
        var calendar = System.Text.Encoding.UTF8.GetString(Assert.Single(mail.Attachments!).Content);
        Assert.Contains("SUMMARY:Sam Okafor: appointment with Dr Ada Hart", calendar);
        Assert.DoesNotContain("sore ear", mail.TextBody + mail.HtmlBody + calendar);

        // The parent cancels it: by the patient's own rules (CancellationReason.Patient), recorded as the parent's doing.
        var cancelled = await app.Get<CancelAppointmentHandler>().HandleAsync(booked.Value.AppointmentId, Actor.Patient(family.Maya));
        Assert.True(cancelled.IsAccepted, cancelled.Rejection?.ToString());
        Assert.Equal((CancellationReason.Patient, family.Maya.ToString()), (cancelled.Value!.Reason, cancelled.Value.By));
    }

    [Fact]
    public async Task ReceptionFindsTheChildByTheParentsName_WithTheParent_AndTheChildByTheirOwn()
    {
        var family = await StartAsync(TestApp.Sqlite);
        await using var app = family.App;
        var people = app.Get<PeopleDirectory>();

        var byParent = await people.SearchPatientsAsync("Maya");
        Assert.Equal(["Maya Okafor", "Sam Okafor"], byParent.Select(p => p.Name));
        var sam = byParent.Single(p => p.Id == family.Sam);
        Assert.Equal(("Maya Okafor", "for Maya Okafor"), (sam.Guardian?.Name, sam.Contact));
        Assert.Null(byParent.Single(p => p.Id == family.Maya).Guardian);

        var byOwnName = Assert.Single(await people.SearchPatientsAsync("Sam Ok"));
        Assert.Equal(family.Maya, byOwnName.Guardian?.Id);
        Assert.Equal("", byOwnName.Email); // no email of their own
    }

    [Fact]
    public async Task WhatAParentTypes_IsCheckedBeforeAnythingIsWritten_AndOneAccountBooksForAtMostSix()
    {
        var family = await StartAsync(TestApp.Sqlite);
        await using var app = family.App;

        Assert.Equal("Enter their full name.", (await family.Dependants.AddAsync(family.Maya, new(" ", new DateOnly(2019, 5, 3)))).Error);
        Assert.Equal("The date of birth cannot be in the future.", (await family.Dependants.AddAsync(family.Maya, new("Tomorrow's Child", A.Tomorrow))).Error);
        Assert.Equal("Enter their date of birth.", (await family.Dependants.AddAsync(family.Maya, new("No Birthday", null))).Error);
        Assert.Equal("Enter a valid phone number, or leave it empty.", (await family.Dependants.AddAsync(family.Maya, new("Bad Phone", new DateOnly(2019, 5, 3), "call me"))).Error);
        // A dependant books for no one, and neither does a clinician.
        Assert.Equal("Only a patient's own account can book for others.", (await family.Dependants.AddAsync(family.Sam, new("Sam's Doll", new DateOnly(2024, 1, 1)))).Error);
        Assert.Equal("Only a patient's own account can book for others.", (await family.Dependants.AddAsync(family.Hart, new("Hart Junior", new DateOnly(2024, 1, 1)))).Error);
        Assert.Single(await family.Dependants.OfAsync(family.Maya));

        for (var n = 2; n <= DependantAccounts.MaxPerAccount; n++)
            Assert.True((await family.Dependants.AddAsync(family.Maya, new($"Child {n}", new DateOnly(2015, 1, n)))).IsDone);
        Assert.StartsWith("An account books for at most 6 people", (await family.Dependants.AddAsync(family.Maya, new("Child 7", new DateOnly(2015, 1, 7)))).Error);
        Assert.Equal(DependantAccounts.MaxPerAccount, (await family.Dependants.OfAsync(family.Maya)).Count);

        // Correcting one is the parent's to do, and no one else's.
        Assert.True((await family.Dependants.UpdateAsync(family.Maya, family.Sam, new("Samuel Okafor", new DateOnly(2019, 5, 4)))).IsDone);
        Assert.Equal("This person is not one your account books for.",
            (await family.Dependants.UpdateAsync(family.Stranger, family.Sam, new("Mine Now", new DateOnly(2019, 5, 4)))).Error);
        var sam = await family.Dependants.FindAsync(family.Sam);
        Assert.Equal(("Samuel Okafor", new DateOnly(2019, 5, 4), (string?)null), (sam!.Name, sam.DateOfBirth, sam.Phone));

        // No one signs in as a dependant: no email, no password.
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
        var account = await users.FindByIdAsync(family.Sam.ToString());
        Assert.Null(account!.Email);
        Assert.False(await users.HasPasswordAsync(account));
    }

    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task AChildGivenTheirOwnAccount_KeepsEveryAppointmentAndItsHistory_AndTheParentNoLongerActsForThem(string provider)
    {
        var family = await StartAsync(provider);
        await using var app = family.App;
        var booked = await app.Get<BookSlotsHandler>().HandleAsync(family.Sam, [await family.SlotAsync(9, 0)], Actor.Patient(family.Maya));
        Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
        var before = A.Describe(await app.Get<IScheduleQueries>().AppointmentsOfPatientAsync(family.Sam, 10, 0));

        Assert.Equal(["Someone already has an account with this email."], await family.Dependants.GiveOwnAccountAsync(family.Sam, "maya@mail.test"));
        Assert.Equal(["Enter a valid email address."], await family.Dependants.GiveOwnAccountAsync(family.Sam, "not an address"));
        Assert.Empty(await family.Dependants.GiveOwnAccountAsync(family.Sam, "sam@mail.test"));

        // The same patient: the same appointments, the same history in the log.
        Assert.Equal(before, A.Describe(await app.Get<IScheduleQueries>().AppointmentsOfPatientAsync(family.Sam, 10, 0)));
        Assert.Contains((await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Patient(family.Sam)))).Events, e => e.Event is SlotsBooked);
        Assert.Null(await family.Dependants.FindAsync(family.Sam));
        Assert.Empty(await family.Dependants.OfAsync(family.Maya));
        Assert.Empty((await app.Get<PeopleDirectory>().SpeakingAsync(Actor.Patient(family.Maya))).Dependants);
        var parentCancels = await app.Get<CancelAppointmentHandler>().HandleAsync(booked.Value!.AppointmentId, Actor.Patient(family.Maya));
        Assert.Equal(Rejection.NotYourAppointment, parentCancels.Rejection);

        // Their own email now, with an invitation to choose a password; and the practice writes to them, not the parent.
        var invitation = Assert.Single(await app.Get<EmailOutbox>().ListAsync(null, 100), m => m.Recipient == "sam@mail.test");
        Assert.Equal("Your own account at Test Practice", invitation.Subject);
        var stored = (await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Appointment(booked.Value.AppointmentId)))).Events.Single();
        var mail = Assert.Single(await app.Get<NoticeComposer>().ComposeAsync(stored)).Email;
        Assert.Equal(("sam@mail.test", "Dear Sam Okafor,"), (mail.To, mail.TextBody.Split('\n')[0]));
        var cancelled = await app.Get<CancelAppointmentHandler>().HandleAsync(booked.Value.AppointmentId, Actor.Patient(family.Sam));
        Assert.True(cancelled.IsAccepted, cancelled.Rejection?.ToString());
    }
}
