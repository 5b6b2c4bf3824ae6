using System.Text.RegularExpressions;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Infrastructure.EventStore;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Email;

/// <summary>The email dispatcher on a real SQLite file, sending to a real SMTP server (aiosmtpd).</summary>
public class EmailDeliveryTests
{
    /// <summary>The app's settings for sending to <paramref name="server"/>.</summary>
    internal static Dictionary<string, string?> Smtp(SmtpServer server) => new()
    {
        ["Email:Smtp:Host"] = "127.0.0.1",
        ["Email:Smtp:Port"] = server.Port.ToString(),
        ["Email:LinkBaseUrl"] = "https://clinic.example",
    };

    private sealed record Practice(TestApp App, Guid Clinician, DayScheduled Day);

    private static async Task<Practice> PracticeWithADayAsync(TestApp app)
    {
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(12, 0))], Actor.Doctor(doctor))).Value!;
        return new Practice(app, doctor, day);
    }

    private static async Task DeliverAsync(TestApp app)
    {
        await app.Get<PatientNotices>().CatchUpAsync();
        await app.Get<EmailDispatcher>().SendDueAsync();
    }

    [Fact]
    public async Task ADayWithThreeBookedPatientsIsCancelled_ExactlyThreeMessagesArriveEachNamingItsPatientClinicianDateAndTimes()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var book = app.Get<BookSlotsHandler>();
        var patients = new List<(string Name, string Email, string Times)>();
        for (var i = 0; i < 3; i++)
        {
            var name = $"Patient {i + 1}";
            var email = $"p{i + 1}@mail.example";
            var id = await app.CreateUserAsync(name, email, Roles.Patient);
            var slot = practice.Day.Slots[i * 4];
            await book.HandleAsync(id, [slot.SlotId], Actor.Patient(id));
            patients.Add((name, email, $"{Local(slot.StartUtc)}–{Local(slot.EndUtc)}"));
        }
        await app.Get<Checkpoints>().SaveAsync(PatientNotices.Name, 0);
        await DeliverAsync(app); // the three confirmations
        var confirmations = smtp.Messages().Count;

        await app.Get<CancelDayHandler>().HandleAsync(practice.Clinician, A.Tomorrow, "Dr Hart is unwell", A.Receptionist);
        await DeliverAsync(app);

        var cancellations = smtp.Messages().Skip(confirmations).ToArray();
        Assert.Equal(3, confirmations);
        Assert.Equal(3, cancellations.Length);
        foreach (var (name, email, times) in patients)
        {
            var message = Assert.Single(cancellations, m => m.Contains($"To: {email}"));
            Assert.Contains($"Dear {name}", message);
            Assert.Contains("Dr Ada Hart", message);
            Assert.Contains("Tuesday 3 March 2026", message);
            Assert.Contains(times, message);
            Assert.Contains("Dr Hart is unwell", message);
            Assert.Contains("https://clinic.example/book", message);
            Assert.Contains("Test Practice", message);
        }
    }

    [Fact]
    public async Task TheSmtpServerIsDownWhenADayIsCancelled_AfterARestartAndTheServerComingBack_EveryMessageArrivesExactlyOnce()
    {
        await using var smtp = await SmtpServer.CreateAsync(start: false);
        var directory = Directory.CreateTempSubdirectory("clinicportal-restart-").FullName;
        var emails = new List<string>();
        await using (var app = await TestApp.StartAsync(directory: directory, settings: Smtp(smtp)))
        {
            var practice = await PracticeWithADayAsync(app);
            for (var i = 0; i < 3; i++)
            {
                var id = await app.CreateUserAsync($"Patient {i}", $"down{i}@mail.example", Roles.Patient);
                await app.Get<BookSlotsHandler>().HandleAsync(id, [practice.Day.Slots[i].SlotId], Actor.Patient(id));
                emails.Add($"down{i}@mail.example");
            }
            await app.Get<CancelDayHandler>().HandleAsync(practice.Clinician, A.Tomorrow, "Flood", A.Receptionist);
            for (var attempt = 0; attempt < 3; attempt++)
            {
                await DeliverAsync(app);
                app.Clock.Advance(TimeSpan.FromMinutes(10));
            }
            var waiting = await app.Get<EmailOutbox>().ListAsync(OutboxStatus.Pending, 100);
            var all = await app.Get<EmailOutbox>().ListAsync(null, 100);
            Assert.True(waiting.Count == 6, string.Join("; ", all.Select(r => $"{r.Status} {r.Attempts} {r.LastError}"))); // three confirmations, three cancellations
            Assert.Contains(waiting, row => row.Attempts > 0 && row.LastError is not null);
        }

        await smtp.StartAsync();
        await using (var restarted = await TestApp.StartAsync(now: A.Now.AddHours(1), directory: directory, settings: Smtp(smtp)))
        {
            for (var round = 0; round < 5 && smtp.Messages().Count < 6; round++)
            {
                await DeliverAsync(restarted);
                restarted.Clock.Advance(TimeSpan.FromMinutes(10));
            }
            await DeliverAsync(restarted);
            var left = await restarted.Get<EmailOutbox>().ListAsync(null, 100);
            Assert.True(left.All(r => r.Status == OutboxStatus.Sent), string.Join("; ", left.Select(r => $"{r.Status} {r.Attempts} {r.LastError} {r.NextAttemptAt:O}")));
        }

        var messages = smtp.Messages();
        Assert.Equal(6, messages.Count);
        foreach (var email in emails)
        {
            Assert.Single(messages, m => m.Contains($"To: {email}") && m.Contains("Subject: Booked"));
            Assert.Single(messages, m => m.Contains($"To: {email}") && m.Contains("Subject: Cancelled"));
        }
    }

    [Fact]
    public async Task APatientsEleventhSlotOfTheMonthEndsCancelledAndThePatientIsToldWhy()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var patient = await app.CreateUserAsync("Quinn Quota", "quinn@mail.example", Roles.Patient);
        for (var i = 0; i < 10; i++)
            await app.Get<BookSlotsHandler>().HandleAsync(patient, [practice.Day.Slots[i].SlotId], Actor.Patient(patient));
        var eleventh = await app.BookPastTheDecisionAsync(patient, practice.Day, 10); // a path that skipped the booking decision

        await app.Get<MonthlyQuotaPolicy>().CatchUpAsync();
        await DeliverAsync(app);

        var booking = await app.Get<Infrastructure.ReadModels.ScheduleReadModel>().AppointmentAsync(eleventh.AppointmentId);
        Assert.Equal("QuotaExceeded", booking!.Cancelled);
        var quota = Assert.Single(smtp.Messages(), m => m.Contains("Subject: Cancelled: more than 10 slots"));
        Assert.Contains("To: quinn@mail.example", quota);
        Assert.Contains("at most 10 appointment slots in one calendar month", quota);
        Assert.Contains($"{A.At(A.Tomorrow, 10, 40):HH:mm}–{A.At(A.Tomorrow, 10, 50):HH:mm}", quota);
    }

    [Fact]
    public async Task AConfirmationCarriesACalendarFileWithTheRightStartAndEnd()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var patient = await app.CreateUserAsync("Cal Endar", "cal@mail.example", Roles.Patient);
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(patient,
            [practice.Day.Slots[3].SlotId, practice.Day.Slots[4].SlotId], Actor.Patient(patient))).Value!;

        await DeliverAsync(app);

        var message = Assert.Single(smtp.Messages());
        Assert.Contains("text/calendar; method=REQUEST", message);
        var fields = CalendarFields(message);
        Assert.Equal("REQUEST", fields["METHOD"]);
        Assert.Equal($"{booked.AppointmentId:N}@clinicportal", fields["UID"]);
        Assert.Equal(Local(booked.Slots[0].StartUtc), fields["DTSTART;TZID=Europe/London"][^6..^2].Insert(2, ":"));
        Assert.Equal("09:30", fields["DTSTART;TZID=Europe/London"][^6..^2].Insert(2, ":"));
        Assert.Equal("09:50", fields["DTEND;TZID=Europe/London"][^6..^2].Insert(2, ":"));
        Assert.Contains("Appointment with Dr Ada Hart", fields["SUMMARY"]);
    }

    [Fact]
    public async Task ACancelledAppointmentsEmailCarriesACalendarCancelForTheSameUid()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var patient = await app.CreateUserAsync("Cal Cancel", "cancel@mail.example", Roles.Patient);
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(patient, [practice.Day.Slots[2].SlotId], Actor.Patient(patient))).Value!;
        await DeliverAsync(app);

        await app.Get<CancelDayHandler>().HandleAsync(practice.Clinician, A.Tomorrow, "Burst pipe", A.Receptionist);
        await DeliverAsync(app);

        var request = CalendarFields(Assert.Single(smtp.Messages(), m => m.Contains("Subject: Booked")));
        var cancel = CalendarFields(Assert.Single(smtp.Messages(), m => m.Contains("Subject: Cancelled")));
        Assert.Equal("CANCEL", cancel["METHOD"]);
        Assert.Equal(request["UID"], cancel["UID"]);
        Assert.Equal($"{booked.AppointmentId:N}@clinicportal", cancel["UID"]);
        Assert.True(int.Parse(cancel["SEQUENCE"]) > int.Parse(request["SEQUENCE"]));
        Assert.Equal("CANCELLED", cancel["STATUS"]);
    }

    [Fact]
    public async Task ARecipientTheServerRefusesForGoodIsMarkedFailedAndOneItDefersWaitsWhileTheOthersAreSent()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var book = app.Get<BookSlotsHandler>();
        var addresses = new[] { "nobody@mail.example", "later@mail.example", "fine@mail.example" };
        for (var i = 0; i < addresses.Length; i++)
        {
            var id = await app.CreateUserAsync($"Patient {i}", addresses[i], Roles.Patient);
            await book.HandleAsync(id, [practice.Day.Slots[i].SlotId], Actor.Patient(id));
        }

        for (var round = 0; round < 3; round++)
            await DeliverAsync(app);

        var rows = (await app.Get<EmailOutbox>().ListAsync(null, 10)).ToDictionary(r => r.Recipient);
        Assert.Equal(OutboxStatus.Failed, rows["nobody@mail.example"].Status);
        Assert.StartsWith("550", rows["nobody@mail.example"].LastError);
        Assert.Equal(OutboxStatus.Pending, rows["later@mail.example"].Status);
        Assert.Contains("451", rows["later@mail.example"].LastError);
        Assert.Equal(OutboxStatus.Sent, rows["fine@mail.example"].Status);
        Assert.Single(smtp.Messages(), m => m.Contains("To: fine@mail.example"));
    }

    [Fact]
    public async Task AnAppointmentMovedTwiceAndCancelledWithinASecond_SendsFourCalendarEntriesWithStrictlyRisingSequences_StampedWithEachChangesTime()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var patient = await app.CreateUserAsync("Cal Often", "often@mail.example", Roles.Patient);
        var booked = (await app.Get<BookSlotsHandler>().HandleAsync(patient, [practice.Day.Slots[2].SlotId], Actor.Patient(patient))).Value!;
        var move = app.Get<Features.Booking.MoveAppointment.MoveAppointmentHandler>();
        Assert.True((await move.HandleAsync(booked.AppointmentId, [practice.Day.Slots[5].SlotId], Actor.Patient(patient))).IsAccepted);
        app.Clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True((await move.HandleAsync(booked.AppointmentId, [practice.Day.Slots[8].SlotId], Actor.Patient(patient))).IsAccepted);
        app.Clock.Advance(TimeSpan.FromMilliseconds(300));
        Assert.True((await app.Get<Features.Booking.CancelAppointment.CancelAppointmentHandler>().HandleAsync(booked.AppointmentId, A.Receptionist)).IsAccepted);

        await DeliverAsync(app);

        var entries = smtp.Messages().Select(CalendarFields).ToArray();
        Assert.Equal(4, entries.Length);
        Assert.All(entries, e => Assert.Equal($"{booked.AppointmentId:N}@clinicportal", e["UID"]));
        Assert.Equal([0, 1, 2, 3], entries.Select(e => int.Parse(e["SEQUENCE"])).Order());
        Assert.Equal(["REQUEST", "REQUEST", "REQUEST", "CANCEL"], entries.OrderBy(e => int.Parse(e["SEQUENCE"])).Select(e => e["METHOD"]));
        var logged = (await app.Get<IEventStore>().ReadAsync(Query.Tagged(Tag.Appointment(booked.AppointmentId)))).Events
            .Select(e => e.RecordedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'")).ToArray();
        Assert.Equal(logged, entries.OrderBy(e => int.Parse(e["SEQUENCE"])).Select(e => e["DTSTAMP"]));
    }

    private static Dictionary<string, string> CalendarFields(string message)
    {
        // The decoded attachment (Mailbox.Decode appends it after the raw, encoded message), unfolded.
        var calendar = Regex.Replace(Regex.Matches(message, "BEGIN:VCALENDAR.*?END:VCALENDAR", RegexOptions.Singleline)[^1].Value, @"\r?\n ", "");
        var events = calendar[calendar.IndexOf("BEGIN:VEVENT", StringComparison.Ordinal)..];
        return Regex.Split(calendar[..calendar.IndexOf("BEGIN:VTIMEZONE", StringComparison.Ordinal)], @"\r?\n").Concat(Regex.Split(events, @"\r?\n"))
            .Where(l => l.Contains(':'))
            .GroupBy(l => l[..l.IndexOf(':')]).ToDictionary(g => g.Key, g => g.First()[(g.Key.Length + 1)..]);
    }

    private static string Local(DateTimeOffset instant) => PracticeTime.ToLocal(instant, A.London).ToString("HH:mm");

    [Fact]
    public async Task AFailedMessageIsSentAgainWhenTheOwnerRetriesIt()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var practice = await PracticeWithADayAsync(app);
        var patient = await app.CreateUserAsync("Rhea Retry", "rhea@mail.example", Roles.Patient);
        await app.Get<BookSlotsHandler>().HandleAsync(patient, [practice.Day.Slots[0].SlotId], Actor.Patient(patient));
        var outbox = app.Get<EmailOutbox>();
        await app.Get<PatientNotices>().CatchUpAsync();
        var row = Assert.Single(await outbox.ListAsync(null, 10));
        await outbox.RecordOutcomesAsync([new SendOutcome.Failed(row.Id, "550 mailbox unavailable")], app.Clock.GetUtcNow());

        await app.Get<EmailDispatcher>().SendDueAsync();
        Assert.Empty(smtp.Messages()); // a failed message is not retried by itself
        await outbox.RetryNowAsync(row.Id, app.Clock.GetUtcNow());
        await app.Get<EmailDispatcher>().SendDueAsync();

        Assert.Single(smtp.Messages(), m => m.Contains("To: rhea@mail.example"));
        Assert.Equal(OutboxStatus.Sent, Assert.Single(await outbox.ListAsync(null, 10)).Status);
    }
}
