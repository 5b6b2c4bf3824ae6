using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Demo;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using ClinicPortal.Infrastructure.Postgres;
using ClinicPortal.Infrastructure.Sqlite;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary><c>--migrate-to-postgres</c>: the demo practice copied from its SQLite file into PostgreSQL and started there.</summary>
public class PostgresMigrationTests
{
    [Fact]
    public async Task TheDemoPracticeCopiedIntoPostgres_HasEveryReadModelRowEventAccountSettingAndMessage_AndCarriesOnThere()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("clinicportal-migrate-").FullName;
        try
        {
            await using var sqlite = await TestApp.StartAsync(settings: new Dictionary<string, string?> { ["Seed:Demo"] = "true" });
            await sqlite.Get<PatientNotices>().CatchUpAsync();
            await sqlite.Get<EmailOutbox>().RecordAsync(
                new OutboxMessage("account-confirm:someone", "account-confirm", new EmailMessage("someone@clinic.test", "Confirm your email", "<p>Hi</p>", "Hi")),
                sqlite.Clock.GetUtcNow());
            var settings = sqlite.Get<PracticeSettings>();
            Assert.Null(await settings.SaveAsync(settings.Current with { Phone = "020 7946 0000" }));
            var guardian = await sqlite.CreateUserAsync("Maya Okafor", "maya.okafor@clinic.test", Roles.Patient);
            Assert.True((await sqlite.Get<DependantAccounts>().AddAsync(guardian, new("Sam Okafor", new DateOnly(2019, 5, 3)))).IsDone);
            var sealedOnSqlite = sqlite.Get<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");
            var target = (await PostgresServer.SharedAsync()).NewDatabase("migrated");

            var report = await PostgresMigration.RunAsync(sqlite.Get<SqliteDatabase>(), target, sqlite.Services.GetServices<IProjection>(), NullLoggerFactory.Instance);

            var log = await sqlite.Get<IEventStore>().ReadAfterAsync(0, int.MaxValue);
            Assert.Equal(log.Count, report.Events);
            await using (var scope = sqlite.Services.CreateAsyncScope())
                Assert.Equal(scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>().Users.Count(), report.Accounts);
            Assert.True(report.Accounts > DemoSeeder.Clinicians + DemoSeeder.Patients);
            Assert.True(report.Keys >= 1);
            await using (var source = NpgsqlDataSource.Create(target))
                await PostgresReplica.AssertSameAsync(sqlite, source);

            await File.WriteAllTextAsync(Path.Combine(folder, "postgres.txt"), target);
            await using var postgres = await TestApp.StartAsync(directory: folder, provider: TestApp.Postgres);
            // The same log, position for position, with its whos and whens.
            Assert.Equal(Described(log), Described(await postgres.Get<IEventStore>().ReadAfterAsync(0, int.MaxValue)));
            // The same accounts, passwords and all; the same settings, messages, checkpoints and keys.
            await using (var scope = postgres.Services.CreateAsyncScope())
            {
                var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
                Assert.Equal(report.Accounts, users.Users.Count());
                var someone = users.Users.OrderBy(u => u.Email).First();
                Assert.True(await users.CheckPasswordAsync(someone, DemoSeeder.Password));
                Assert.NotEmpty(await users.GetRolesAsync(someone));
            }
            // A dependant stays their guardian's, born when they were.
            Assert.Equal([("Sam Okafor", new DateOnly(2019, 5, 3))], (await postgres.Get<DependantAccounts>().OfAsync(guardian)).Select(d => (d.Name, d.DateOfBirth)));
            Assert.Equal("020 7946 0000", postgres.Get<PracticeSettings>().Current.Phone);
            Assert.Equal(settings.Current.Name, postgres.Get<PracticeSettings>().Current.Name);
            Assert.Equal(await sqlite.Get<EmailOutbox>().ListAsync(null, 1000), await postgres.Get<EmailOutbox>().ListAsync(null, 1000));
            Assert.NotEmpty(await postgres.Get<EmailOutbox>().ListAsync(null, 1000));
            Assert.Equal(await sqlite.Get<Checkpoints>().GetAsync(PatientNotices.Name), await postgres.Get<Checkpoints>().GetAsync(PatientNotices.Name));
            Assert.Equal("signed in", postgres.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedOnSqlite));

            // No reaction repeats what it did on SQLite, and the log carries on after the copied positions.
            Assert.Equal(0, await postgres.Get<PatientNotices>().CatchUpAsync());
            var slot = (await postgres.Get<ScheduleReadModel>().AvailableSlotsAsync(A.Tomorrow, postgres.Clock.GetUtcNow())).SelectMany(d => d.Slots).First();
            var patient = await postgres.CreateUserAsync("New Patient", "new.patient@clinic.test", Roles.Patient);
            var booked = await postgres.Get<BookSlotsHandler>().HandleAsync(patient, [slot.SlotId], Actor.Patient(patient));
            Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
            Assert.Equal(log[^1].Position + 1, await postgres.Get<IEventStore>().LastPositionAsync());

            // A database that holds a practice already is not copied into.
            var again = await Assert.ThrowsAsync<InvalidOperationException>(() =>
                PostgresMigration.RunAsync(sqlite.Get<SqliteDatabase>(), target, sqlite.Services.GetServices<IProjection>(), NullLoggerFactory.Instance));
            Assert.Contains("empty database only", again.Message);
        }
        finally
        {
            try { System.IO.Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static IEnumerable<string> Described(IEnumerable<StoredEvent> events) =>
        events.Select(e => $"{e.Position} {e.Event.GetType().Name} {e.RecordedAt:O} {e.CausedBy} {string.Join(' ', e.Tags)} {A.Describe(e.Event)}").ToArray();
}
