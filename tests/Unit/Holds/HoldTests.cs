using ClinicPortal.Features.Clock;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Holds;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Holds;

/// <summary>
/// Holds on a real SQLite file, with the clock in the test's hands: a held time is not offered to others, the practice's
/// clock gives it back at its due time (not before, and once), a restart does what fell due meanwhile, and races end
/// with one winner.
/// </summary>
public class HoldTests
{
    private static async Task<(TestApp App, Guid Clinician, Guid[] Patients, DayScheduled Day)> StartAsync(
        string? directory = null, int patients = 2, string provider = TestApp.Sqlite)
    {
        var app = await TestApp.StartAsync(directory: directory, provider: provider);
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var ids = new Guid[patients];
        for (var i = 0; i < patients; i++)
            ids[i] = await app.CreateUserAsync($"Patient {i + 1}", $"p{i + 1}@clinic.test", Roles.Patient);
        var day = (await app.Get<Features.Scheduling.ScheduleDay.ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow,
            [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(doctor))).Value!;
        return (app, doctor, ids, day);
    }

    private static async Task<IReadOnlyList<string>> OfferedAsync(TestApp app, bool byPatient = true)
    {
        var consultation = (await app.Get<VisitTypeCatalogueReadModel>().FindAsync(VisitType.ForSlotCount(1)))!;
        return (await app.Get<Availability>().DayAsync(consultation, A.Tomorrow, byPatient)).Clinicians.SelectMany(d => d.Offers)
            .Select(o => PracticeTime.ToLocal(o.StartUtc, A.London).ToString("HH:mm")).ToArray();
    }

    [Fact]
    public async Task AHeldTimeIsOfferedToNoOne_UntilTheClockGivesItBackAtItsDueTime_Once()
    {
        var (app, _, patients, day) = await StartAsync();
        await using var _ = app;
        var holds = app.Get<HoldHandler>();
        var placed = (await holds.PlaceAsync(patients[0], [day.Slots[0].SlotId], Actor.Patient(patients[0]))).Value!;
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(5), placed.ExpiresAt);
        Assert.Equal(["09:10", "09:20"], await OfferedAsync(app));
        Assert.Equal(Rejection.SlotHeld, (await app.Get<BookSlotsHandler>().HandleAsync(patients[1], [day.Slots[0].SlotId], Actor.Patient(patients[1]))).Rejection);

        var timers = app.Get<DueTimers>();
        app.Clock.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromMilliseconds(1));
        Assert.Equal(0, await timers.RunDueAsync());
        Assert.Equal("pending", (await app.Get<HoldsReadModel>().FindAsync(placed.HoldId))!.Status);

        app.Clock.Advance(TimeSpan.FromMilliseconds(1));
        Assert.Equal(1, await timers.RunDueAsync());
        Assert.Equal("expired", (await app.Get<HoldsReadModel>().FindAsync(placed.HoldId))!.Status);
        Assert.Equal(["09:00", "09:10", "09:20"], await OfferedAsync(app));
        Assert.Equal(0, await timers.RunDueAsync()); // its timer went with the expiry
        Assert.Equal(Rejection.HoldExpired, (await holds.ConfirmAsync(placed.HoldId, Actor.Patient(patients[0]))).Rejection);
        Assert.Single(await app.Get<AuditTrail>().ReadAsync(new AuditFilter()), e => e.Event is HoldExpired);
    }

    [Fact]
    public async Task ConfirmingInTimeBooksIt_AndLettingGoFreesItAtOnce()
    {
        var (app, _, patients, day) = await StartAsync();
        await using var _ = app;
        var holds = app.Get<HoldHandler>();
        var first = (await holds.PlaceAsync(patients[0], [day.Slots[0].SlotId], Actor.Patient(patients[0]))).Value!;
        Assert.Equal(Rejection.TooManyHolds, (await holds.PlaceAsync(patients[0], [day.Slots[2].SlotId], Actor.Patient(patients[0]))).Rejection);
        Assert.Equal(Rejection.HoldNotFound, (await holds.ConfirmAsync(first.HoldId, Actor.Patient(patients[1]))).Rejection);

        app.Clock.Advance(TimeSpan.FromMinutes(4));
        var booked = (await holds.ConfirmAsync(first.HoldId, Actor.Patient(patients[0]))).Value!;
        Assert.Equal(first.HoldId, booked.HoldId);
        Assert.Equal(booked.AppointmentId, (await app.Get<HoldsReadModel>().FindAsync(first.HoldId))!.AppointmentId);
        Assert.Single(await app.Get<ScheduleReadModel>().FutureAppointmentsAsync(patients[0], app.Clock.GetUtcNow()));

        var second = (await holds.PlaceAsync(patients[0], [day.Slots[1].SlotId], Actor.Patient(patients[0]))).Value!; // the booked one no longer counts
        Assert.Equal(["09:20"], await OfferedAsync(app));
        Assert.True((await holds.ReleaseAsync(second.HoldId, Actor.Patient(patients[0]))).IsAccepted);
        Assert.Equal(["09:10", "09:20"], await OfferedAsync(app));
        Assert.Equal(Rejection.HoldCoolingDown, (await holds.PlaceAsync(patients[0], [day.Slots[2].SlotId], Actor.Patient(patients[0]))).Rejection);
        app.Clock.Advance(TimeSpan.FromMinutes(2));
        Assert.Equal(0, await app.Get<DueTimers>().RunDueAsync()); // nothing left to give back

        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL
    }

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task AHoldThatFellDueWhileTheAppWasDown_IsGivenBackAtStartUp_Once(string provider)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("clinicportal-restart-").FullName;
        try
        {
            Guid holdId;
            var (app, _, patients, day) = await StartAsync(directory, provider: provider);
            await using (app)
                holdId = (await app.Get<HoldHandler>().PlaceAsync(patients[0], [day.Slots[0].SlotId], Actor.Patient(patients[0]))).Value!.HoldId;

            await using var restarted = await TestApp.StartAsync(TestApp.DefaultNow.AddMinutes(30), directory: directory, provider: provider);
            Assert.Equal(1, await restarted.Get<DueTimers>().RunDueAsync());
            Assert.Equal(0, await restarted.Get<DueTimers>().RunDueAsync());
            Assert.Equal("expired", (await restarted.Get<HoldsReadModel>().FindAsync(holdId))!.Status);
            Assert.Contains("09:00", await OfferedAsync(restarted));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task ManyPatientsHoldingTheSameTimeAtOnce_ExactlyOneHoldWins(string provider)
    {
        for (var round = 0; round < 3; round++)
        {
            var (app, _, patients, day) = await StartAsync(patients: 6, provider: provider);
            await using var _ = app;
            var holds = app.Get<HoldHandler>();
            var results = await Race.AtOnceAsync(patients.Length, i => holds.PlaceAsync(patients[i], [day.Slots[0].SlotId], Actor.Patient(patients[i])));
            Assert.Single(results, r => r.IsAccepted);
            Assert.All(results.Where(r => !r.IsAccepted), r => Assert.Equal(Rejection.SlotHeld, r.Rejection));
        }
    }

    [Theory, InlineData(TestApp.Sqlite), InlineData(TestApp.Postgres)]
    public async Task AConfirmRacingItsOwnExpiry_EndsInExactlyOneOfTheTwo(string provider)
    {
        for (var round = 0; round < 5; round++)
        {
            var (app, _, patients, day) = await StartAsync(provider: provider);
            await using var _ = app;
            var holds = app.Get<HoldHandler>();
            var placed = (await holds.PlaceAsync(patients[0], [day.Slots[0].SlotId], Actor.Patient(patients[0]))).Value!;
            // The confirmation is judged a moment before the due time, the expiry at it: both are due, only one may be logged.
            var early = new Domain.Booking.BookSlots(Guid.CreateVersion7(), patients[0], [day.Slots[0].SlotId], Actor.Patient(patients[0]),
                placed.ExpiresAt.AddMilliseconds(-1), A.Tomorrow, VisitType.ForSlotCount(1), HoldId: placed.HoldId);
            var executor = app.Get<ClinicPortal.Application.CommandExecutor>();
            var (confirmed, expired) = await Race.BothAtOnceAsync(
                () => executor.ExecuteAsync(early),
                () => executor.ExecuteAsync(
                    new Domain.Booking.ExpireHold(placed.HoldId, Actor.Timers, placed.ExpiresAt)));

            var log = await app.Get<AuditTrail>().ReadAsync(new AuditFilter());
            var ends = log.Count(e => e.Event is HoldExpired || e.Event is SlotsBooked { HoldId: not null });
            Assert.Equal(1, ends);
            Assert.Equal(confirmed.IsAccepted, log.Any(e => e.Event is SlotsBooked { HoldId: not null }));
            Assert.True(confirmed.IsAccepted || confirmed.Rejection == Rejection.HoldExpired, confirmed.Rejection?.ToString());
            Assert.True(expired.IsAccepted);
        }
    }
}
