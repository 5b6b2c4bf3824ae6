using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Admin.Erasure;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Waitlist;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Privacy;

/// <summary>
/// The practice's retention: off until the owner sets it; then the patients with nothing with the practice for that many
/// months (their last appointment's end, or their registration when they never booked) are listed, never one with an
/// appointment to come or a place on the waiting list; the owner erases those confirmed in one go, the people an account
/// books for before the account, and anyone who booked since the list was shown is left.
/// </summary>
public class RetentionTests
{
    [Theory]
    [InlineData(TestApp.Sqlite)]
    [InlineData(TestApp.Postgres)]
    public async Task TheOwnerErasesInOneGoThosePastKeeping_AndNobodyWithSomethingToCome(string provider)
    {
        await using var app = await TestApp.StartAsync(provider: provider);
        var longAgo = app.Clock.GetUtcNow().AddYears(-2);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var owner = Actor.Admin(await app.CreateUserAsync("Olive Owner", "owner@clinic.test", Roles.Admin));
        var ada = await app.CreateUserAsync("Ada Lovelace", "ada@mail.test", Roles.Patient, longAgo);
        var ben = await app.CreateUserAsync("Ben Jonson", "ben@mail.test", Roles.Patient, longAgo);
        var cy = await app.CreateUserAsync("Cy Twombly", "cy@mail.test", Roles.Patient, app.Clock.GetUtcNow());
        var dee = await app.CreateUserAsync("Dee Waiting", "dee@mail.test", Roles.Patient, longAgo);
        var fin = await app.CreateUserAsync("Fin Late", "fin@mail.test", Roles.Patient, longAgo);
        var eve = (await app.Get<DependantAccounts>().AddAsync(ada, new("Eve Lovelace", new DateOnly(2018, 4, 1)))).Id!.Value;
        var retention = app.Get<RetentionHandler>();
        var settings = app.Get<PracticeSettings>();

        // Off by default: nobody is listed, however long ago they were here.
        Assert.Null(settings.KeepPatientsMonths);
        Assert.Equal(new RetentionList(null, null, []), await retention.ListAsync());

        Assert.Null(await settings.SaveAsync(settings.Current with { RetentionMonths = 12 }));
        var book = app.Get<BookSlotsHandler>();
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        Assert.True((await book.HandleAsync(ada, [day.Slots[0].SlotId], Actor.Patient(ada), reason: "a check-up")).IsAccepted);
        Assert.True((await book.HandleAsync(eve, [day.Slots[1].SlotId], Actor.Patient(ada))).IsAccepted);
        Assert.True((await app.Get<WaitlistHandler>().JoinAsync(dee, VisitType.ConsultationId, null, A.Tomorrow, A.Tomorrow.AddDays(5), Actor.Patient(dee))).IsAccepted);
        var now = await retention.ListAsync();
        Assert.Equal(12, now.Months);
        // Ada and Eve have appointments to come, Cy is new, Dee waits.
        Assert.Equal([new PatientPastKeeping(ben, "Ben Jonson", AccountIds.CreatedAt(ben)!.Value, false, null, null),
            new PatientPastKeeping(fin, "Fin Late", AccountIds.CreatedAt(fin)!.Value, false, null, null)], now.Patients);

        // Thirteen months on: Ada and Eve's appointments, Cy's registration and Dee's wait are more than a year ago.
        await app.Get<PatientNotices>().CatchUpAsync();
        await app.Get<ClinicDatabase>().ExecuteAsync("UPDATE outbox SET status = 'sent';", default); // as the sender would have
        app.Clock.Advance(TimeSpan.FromDays(396));
        var later = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, app.Get<IPracticeClock>().Today.AddDays(3), [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var listed = await retention.ListAsync();
        // Since their registration two years ago (by name), Cy's at the start, Ada's and Eve's appointments the day after.
        Assert.Equal([ben, dee, fin, cy, ada, eve], listed.Patients.Select(p => p.Id));
        Assert.Equal(("Ada Lovelace", true), (listed.Patients.Single(p => p.Id == eve).GuardianName, listed.Patients.Single(p => p.Id == eve).EverBooked));
        Assert.False(listed.Patients.Single(p => p.Id == cy).EverBooked);
        Assert.True(listed.Patients.Single(p => p.Id == ada).LastSeen > listed.Patients.Single(p => p.Id == ben).LastSeen);
        Assert.True((await book.HandleAsync(fin, [later.Slots[0].SlotId], Actor.Patient(fin))).IsAccepted); // after the list was shown

        Assert.Equal([ben], (await retention.EraseAsync([ben], A.Receptionist)).Refused.Select(r => r.PatientId)); // the owner's alone
        var outcome = await retention.EraseAsync(listed.Patients.Select(p => p.Id).ToArray(), owner);

        Assert.Equal([eve, ben, dee, cy, ada], outcome.Erased); // Eve before Ada, whose account books for her
        var refused = Assert.Single(outcome.Refused);
        Assert.Equal((fin, "Fin Late"), (refused.PatientId, refused.Name));
        Assert.StartsWith("They are no longer past keeping", refused.Why);
        var people = app.Get<PeopleDirectory>();
        foreach (var erased in outcome.Erased)
            Assert.Equal(Domain.Privacy.ErasedPatient.NameOf(erased), (await people.FindAsync(erased))!.Name);
        Assert.Equal("Fin Late", (await people.FindAsync(fin))!.Name);
        Assert.Empty((await retention.ListAsync()).Patients); // the erased are not listed again; Fin has an appointment to come
    }

    [Fact]
    public async Task TheSettingIsSavedWithinItsRange_AndZeroTurnsItOff()
    {
        await using var app = await TestApp.StartAsync();
        var settings = app.Get<PracticeSettings>();

        Assert.Equal("Patients are kept from 1 to 240 months after their last appointment, or 0 until erased by hand.",
            await settings.SaveAsync(settings.Current with { RetentionMonths = 241 }));
        Assert.Null(settings.KeepPatientsMonths);
        Assert.Null(await settings.SaveAsync(settings.Current with { RetentionMonths = 18 }));
        await settings.LoadAsync();
        Assert.Equal(18, settings.KeepPatientsMonths);
        Assert.Null(await settings.SaveAsync(settings.Current with { Name = "Renamed", RetentionMonths = null })); // kept when not given
        await settings.LoadAsync();
        Assert.Equal(18, settings.KeepPatientsMonths);
        Assert.Null(await settings.SaveAsync(settings.Current with { RetentionMonths = 0 }));
        await settings.LoadAsync();
        Assert.Null(settings.KeepPatientsMonths);
    }

    [Fact]
    public void AnAccountsIdSaysWhenItWasMade()
    {
        var at = new DateTimeOffset(2024, 5, 6, 7, 8, 9, 123, TimeSpan.Zero);
        Assert.Equal(at, AccountIds.CreatedAt(Guid.CreateVersion7(at)));
        Assert.Null(AccountIds.CreatedAt(Guid.NewGuid())); // version 4: no time in it
    }
}
