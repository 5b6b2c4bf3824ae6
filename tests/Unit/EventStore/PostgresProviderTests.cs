using ClinicPortal.Application.Ports;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using ClinicPortal.Infrastructure.Postgres;

namespace ClinicPortal.Tests.Unit.EventStore;

/// <summary>
/// <c>Data:Provider</c> = <c>Postgres</c>: the app keeps everything in the PostgreSQL database, so a second instance on
/// it (here: the same settings started again beside the first) sees the first's log, read models, accounts, settings,
/// outbox and Data Protection keys, and the data folder holds no database.
/// </summary>
public class PostgresProviderTests
{
    [Fact]
    public async Task TwoInstancesOnOneDatabase_ShareTheLogAccountsSettingsOutboxAndKeys()
    {
        var folder = System.IO.Directory.CreateTempSubdirectory("clinicportal-pg-").FullName;
        var other = System.IO.Directory.CreateTempSubdirectory("clinicportal-pg-").FullName;
        try
        {
            await using var first = await TestApp.StartAsync(directory: folder, provider: TestApp.Postgres);
            File.Copy(Path.Combine(folder, "postgres.txt"), Path.Combine(other, "postgres.txt"));
            Assert.IsType<PostgresEventStore>(first.Get<IEventStore>());
            Assert.IsType<PostgresDatabase>(first.Get<ClinicDatabase>());

            var doctor = await first.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
            var patient = await first.CreateUserAsync("Pat Doe", "pat@clinic.test", Roles.Patient);
            var day = (await first.Get<ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(doctor))).Value!;
            var booked = await first.Get<BookSlotsHandler>().HandleAsync(patient, [day.Slots[1].SlotId], Actor.Patient(patient));
            Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
            var settings = first.Get<PracticeSettings>();
            Assert.Null(await settings.SaveAsync(settings.Current with { Name = "Harbour Street Surgery", Phone = "020 7946 0000", ReminderHours = 6 }));
            await first.Get<EmailOutbox>().RecordAsync(
                new OutboxMessage("account-confirm:pat", "account-confirm", new EmailMessage("pat@clinic.test", "Confirm your email", "<p>Hi</p>", "Hi")),
                first.Clock.GetUtcNow());
            var sealedByFirst = first.Get<IDataProtectionProvider>().CreateProtector("test").Protect("signed in");

            await using var second = await TestApp.StartAsync(directory: other, provider: TestApp.Postgres);

            var slots = (await second.Get<ScheduleReadModel>().ClinicianDayAsync(doctor, A.Tomorrow)).Slots;
            Assert.Equal(patient, Assert.Single(slots, s => s.PatientId is not null).PatientId);
            Assert.Equal(new AccountStanding(true, true, true), await second.Get<PeopleDirectory>().StandingAsync(patient));
            Assert.Equal(new AccountStanding(true, true, false), await second.Get<PeopleDirectory>().StandingAsync(doctor));
            Assert.Equal(new AccountStanding(false, false, false), await second.Get<PeopleDirectory>().StandingAsync(Guid.NewGuid()));
            Assert.Equal(("Harbour Street Surgery", "020 7946 0000", 6),
                (second.Get<PracticeSettings>().Current.Name, second.Get<PracticeSettings>().Current.Phone, second.Get<PracticeSettings>().Current.ReminderHoursBefore));
            var waiting = Assert.Single(await second.Get<EmailOutbox>().DueAsync(second.Clock.GetUtcNow(), 10));
            Assert.Equal("Confirm your email", waiting.Email.Subject);
            Assert.Equal(1, (await second.Get<EmailOutbox>().CountsAsync())[OutboxStatus.Pending]);
            Assert.Equal("signed in", second.Get<IDataProtectionProvider>().CreateProtector("test").Unprotect(sealedByFirst));

            // The owner saves the settings on the first: the second reads them within its refresh.
            Assert.Null(await settings.SaveAsync(settings.Current with { Name = "Harbour Street Practice" }));
            using (var refresh = new PracticeSettingsRefresh(second.Get<PracticeSettings>(),
                       Microsoft.Extensions.Logging.Abstractions.NullLogger<PracticeSettingsRefresh>.Instance, TimeSpan.FromMilliseconds(50)))
            {
                await refresh.StartAsync(default);
                await Poll.UntilAsync(() => second.Get<PracticeSettings>().Current.Name == "Harbour Street Practice", TimeSpan.FromSeconds(2), TimeSpan.FromMilliseconds(20));
                await refresh.StopAsync(default);
            }
            Assert.Equal("Harbour Street Practice", second.Get<PracticeSettings>().Current.Name);

            // Sent once by either, it is sent for both.
            await second.Get<EmailOutbox>().RecordOutcomesAsync([new SendOutcome.Sent(waiting.Id)], second.Clock.GetUtcNow());
            Assert.Empty(await first.Get<EmailOutbox>().DueAsync(first.Clock.GetUtcNow(), 10));
            Assert.False(File.Exists(Path.Combine(folder, ClinicDatabase.FileName)));
            Assert.False(System.IO.Directory.Exists(Path.Combine(folder, "keys")));
        }
        finally
        {
            foreach (var directory in new[] { folder, other })
                try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
