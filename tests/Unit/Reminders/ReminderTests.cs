using ClinicPortal.Features.Clock;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Features.Holds;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using ClinicPortal.Tests.Unit.Email;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Reminders;

/// <summary>
/// Reminders on a real SQLite file with the clock in the test's hands: the practice's clock emails each appointment's
/// patient its hours before, once; a moved appointment is reminded of its new time and a cancelled one never; the
/// setting turns them off; a restart sends what fell due while the app was down, once.
/// </summary>
public class ReminderTests
{
    /// <summary>Thursday 5 March 2026, three days after the test clock's Monday 08:00.</summary>
    private static readonly DateOnly Thursday = A.Tomorrow.AddDays(2);

    private sealed record Practice(TestApp App, Guid Clinician, Guid Patient, DayScheduled Thursday, DayScheduled Friday);

    private static async Task<Practice> StartAsync(IDictionary<string, string?>? settings = null, string? directory = null)
    {
        var app = await TestApp.StartAsync(directory: directory, settings: settings);
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var patient = await app.CreateUserAsync("Rosa Reminded", "rosa@mail.example", Roles.Patient);
        var schedule = app.Get<ScheduleDayHandler>();
        var thursday = (await schedule.HandleAsync(doctor, Thursday, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
        var friday = (await schedule.HandleAsync(doctor, Thursday.AddDays(1), [new BlockOfTime(new(14, 0), new(15, 0))], Actor.Doctor(doctor))).Value!;
        return new Practice(app, doctor, patient, thursday, friday);
    }

    private static async Task<Guid> BookAsync(Practice practice, ScheduledSlot slot) =>
        (await practice.App.Get<BookSlotsHandler>().HandleAsync(practice.Patient, [slot.SlotId], Actor.Patient(practice.Patient))).Value!.AppointmentId;

    /// <summary>The reminders recorded for sending: the notices follow the log up to now.</summary>
    private static async Task<IReadOnlyList<OutboxRow>> RemindersAsync(TestApp app)
    {
        await app.Get<PatientNotices>().CatchUpAsync();
        return (await app.Get<EmailOutbox>().ListAsync(null, 100)).Where(r => r.Kind == "reminder").ToArray();
    }

    /// <summary>Moves the clock to <paramref name="at"/> and runs what is due then.</summary>
    private static Task<int> RunAtAsync(TestApp app, DateTimeOffset at)
    {
        app.Clock.Advance(at - app.Clock.GetUtcNow());
        return app.Get<DueTimers>().RunDueAsync();
    }

    [Fact]
    public async Task TwentyFourHoursBeforeTheAppointment_ThePatientIsEmailedOnce_WithItsCalendarFileAndALinkToMoveOrCancel()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        var practice = await StartAsync(EmailDeliveryTests.Smtp(smtp));
        await using var app = practice.App;
        var slot = practice.Thursday.Slots[0];
        await BookAsync(practice, slot);

        Assert.Equal(0, await RunAtAsync(app, slot.StartUtc.AddHours(-24).AddMilliseconds(-1)));
        Assert.Empty(await RemindersAsync(app));
        Assert.Equal(1, await RunAtAsync(app, slot.StartUtc.AddHours(-24)));
        Assert.Equal(0, await app.Get<DueTimers>().RunDueAsync());
        await app.Get<PatientNotices>().CatchUpAsync();
        await app.Get<EmailDispatcher>().SendDueAsync();

        var reminder = Assert.Single(smtp.Messages(), m => m.Contains("Subject: Reminder"));
        Assert.Contains("To: rosa@mail.example", reminder);
        Assert.Contains("Reminder: Dr Ada Hart, Thu 5 Mar at 09:00", reminder);
        Assert.Contains("Thursday 5 March 2026 at 09:00", reminder);
        Assert.Contains("https://clinic.example/my-bookings", reminder);
        Assert.Contains("until 24 hours before it starts", reminder);
        Assert.Contains("BEGIN:VCALENDAR", reminder);
        Assert.Contains("DTSTART;TZID=Europe/London:20260305T090000", reminder);

        Assert.Equal(0, await RunAtAsync(app, slot.StartUtc.AddHours(-1)));
        Assert.Single(await RemindersAsync(app));
        var audit = await app.Get<AuditTrail>().ReadAsync(new AuditFilter());
        Assert.Single(audit, e => e.Event is ReminderSent { Skipped: false } && e.CausedBy == Actor.Timers.Name);
    }

    [Fact]
    public async Task AMovedAppointmentIsRemindedOfItsNewTime_AndACancelledOneNever()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var moved = await BookAsync(practice, practice.Thursday.Slots[0]);
        var cancelled = await BookAsync(practice, practice.Thursday.Slots[3]);
        Assert.Equal(1, await RunAtAsync(app, practice.Thursday.Slots[0].StartUtc.AddHours(-24)));

        var friday = practice.Friday.Slots[0];
        Assert.True((await app.Get<MoveAppointmentHandler>().HandleAsync(moved, [friday.SlotId], A.Receptionist)).IsAccepted);
        Assert.True((await app.Get<CancelAppointmentHandler>().HandleAsync(cancelled, A.Receptionist)).IsAccepted);

        Assert.Equal(0, await RunAtAsync(app, practice.Thursday.Slots[3].StartUtc.AddHours(-23)));
        Assert.Equal(0, await RunAtAsync(app, friday.StartUtc.AddHours(-24).AddMinutes(-1)));
        Assert.Equal(1, await RunAtAsync(app, friday.StartUtc.AddHours(-24)));
        Assert.Equal(0, await RunAtAsync(app, friday.StartUtc.AddHours(-2)));

        var reminders = await RemindersAsync(app);
        Assert.Equal(["Reminder: Dr Ada Hart, Thu 5 Mar at 09:00", "Reminder: Dr Ada Hart, Fri 6 Mar at 14:00"], reminders.Select(r => r.Subject).Order().Reverse());
        Assert.DoesNotContain(reminders, r => r.Subject.Contains("09:30"));

        var live = await ReadModels.RebuildTests.DumpAsync(app);
        await app.Get<ReadModelRebuilder>().RebuildAllAsync();
        Assert.Equal(live, await ReadModels.RebuildTests.DumpAsync(app));
        await PostgresReplica.AssertSameReadModelsAsync(app); // and the same rows on PostgreSQL
    }

    [Fact]
    public async Task AnAppointmentBookedWithinTheHours_IsNotRemindedAgain_ItsConfirmationJustCame()
    {
        var practice = await StartAsync();
        await using var app = practice.App;
        var slot = practice.Thursday.Slots[0];
        await RunAtAsync(app, slot.StartUtc.AddHours(-5));
        await BookAsync(practice, slot);

        Assert.Equal(1, await app.Get<DueTimers>().RunDueAsync()); // recorded as reminded, with no email
        Assert.Equal(0, await app.Get<DueTimers>().RunDueAsync());
        Assert.Empty(await RemindersAsync(app));
        Assert.Single(await app.Get<AuditTrail>().ReadAsync(new AuditFilter()), e => e.Event is ReminderSent { Skipped: true });
    }

    [Fact]
    public async Task WithRemindersOff_NoneIsSent_AndTurningThemOnRemindsWhatIsWithinTheHoursThen()
    {
        var practice = await StartAsync(new Dictionary<string, string?> { ["Reminders:HoursBefore"] = "0" });
        await using var app = practice.App;
        var slot = practice.Thursday.Slots[0];
        await BookAsync(practice, slot);
        Assert.Equal(0, practice.App.Get<PracticeSettings>().Current.ReminderHoursBefore);
        Assert.Equal(0, await RunAtAsync(app, slot.StartUtc.AddHours(-2)));
        Assert.Null(await app.Get<HoldsReadModel>().NextDueAsync(app.Clock.GetUtcNow(), app.Get<PracticeSettings>().Current.ReminderLead));

        var settings = app.Get<PracticeSettings>();
        Assert.Null(await settings.SaveAsync(settings.Current with { ReminderHours = 3 }));
        Assert.Equal(1, await app.Get<DueTimers>().RunDueAsync());
        Assert.Single(await RemindersAsync(app));
        Assert.Equal(3, (await app.Get<AuditTrail>().ReadAsync(new AuditFilter())).Select(e => e.Event).OfType<ReminderSent>().Single().HoursBefore);
        Assert.NotNull(await settings.SaveAsync(settings.Current with { ReminderHours = 169 }));
    }

    [Fact]
    public async Task ARemindersDueWhileTheAppWasDown_IsSentAtStartUp_Once()
    {
        var directory = System.IO.Directory.CreateTempSubdirectory("clinicportal-restart-").FullName;
        try
        {
            DateTimeOffset start;
            var practice = await StartAsync(directory: directory);
            await using (practice.App)
            {
                start = practice.Thursday.Slots[0].StartUtc;
                await BookAsync(practice, practice.Thursday.Slots[0]);
            }

            await using var restarted = await TestApp.StartAsync(start.AddHours(-20), directory: directory);
            Assert.Equal(1, await restarted.Get<DueTimers>().RunDueAsync());
            Assert.Equal(0, await restarted.Get<DueTimers>().RunDueAsync());
            var reminder = Assert.Single(await RemindersAsync(restarted));
            Assert.Equal("Reminder: Dr Ada Hart, Thu 5 Mar at 09:00", reminder.Subject);
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { System.IO.Directory.Delete(directory, recursive: true); } catch (IOException) { }
        }
    }
}
