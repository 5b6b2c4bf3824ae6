using System.Text.RegularExpressions;
using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Email;
using ClinicPortal.Tests.Unit.Support;

namespace ClinicPortal.Tests.Unit.Email;

/// <summary>One bad message never stops the others, and a message sent twice is the same message twice.</summary>
public class HarmlessRepeatsTests
{
    private static Dictionary<string, string?> Smtp(SmtpServer server) => EmailDeliveryTests.Smtp(server);

    private static async Task<Guid> ClinicianBookedByAsync(TestApp app, string doctorName, string doctorEmail, string patientEmail)
    {
        var doctor = await app.CreateUserAsync(doctorName, doctorEmail, Roles.Doctor);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(doctor))).Value!;
        var patient = await app.CreateUserAsync("Pat " + patientEmail[..3], patientEmail, Roles.Patient);
        Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(patient, [day.Slots[0].SlotId], Actor.Patient(patient))).IsAccepted);
        return patient;
    }

    [Fact]
    public async Task ACliniciansNameWithALineBreak_IsSentOnOneLine_AndTheOtherPatientsEmailGoesToo()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        await ClinicianBookedByAsync(app, "Dr Ada\r\nBcc: someone@evil.example\nHart", "ada@clinic.example", "one@mail.example");
        await ClinicianBookedByAsync(app, "Dr Ben Okafor", "ben@clinic.example", "two@mail.example");

        await app.Get<PatientNotices>().CatchUpAsync();
        await app.Get<EmailDispatcher>().SendDueAsync();

        var messages = smtp.Messages();
        Assert.Equal(2, messages.Count);
        var poisoned = Assert.Single(messages, m => m.Contains("To: one@mail.example"));
        Assert.Contains("Subject: Booked: Dr Ada Bcc: someone@evil.example Hart,", poisoned);
        Assert.DoesNotMatch(new Regex("^Bcc:", RegexOptions.Multiline | RegexOptions.IgnoreCase), poisoned);
        Assert.DoesNotContain(messages, m => m.Contains("X-RcptTo: someone@evil.example"));
        Assert.Single(messages, m => m.Contains("To: two@mail.example") && m.Contains("Subject: Booked: Dr Ben Okafor,"));
    }

    [Fact]
    public async Task AMessageSentTwice_CarriesTheSameMessageIdBothTimes()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        await ClinicianBookedByAsync(app, "Dr Ada Hart", "ada@clinic.example", "one@mail.example");
        await app.Get<PatientNotices>().CatchUpAsync();
        var due = Assert.Single(await app.Get<EmailOutbox>().DueAsync(app.Clock.GetUtcNow(), 10));

        // As if the app crashed after sending and before marking the row sent: the row goes again.
        await app.Get<IEmailSender>().SendAsync(due.Email);
        await app.Get<IEmailSender>().SendAsync(due.Email);

        var ids = smtp.Messages().Select(m => Regex.Match(m, @"^Message-ID:\s*(\S+)", RegexOptions.Multiline | RegexOptions.IgnoreCase).Groups[1].Value).ToArray();
        Assert.Equal(2, ids.Length);
        Assert.Equal($"<{SmtpEmailSender.MessageIdFor(due.Email.Key!, "appointments@clinicportal.local")}>", ids[0], ignoreCase: true);
        Assert.Equal(ids[0], ids[1]);
    }

    [Fact]
    public async Task InThePickupFolder_AMessageSentTwiceIsOneFile()
    {
        await using var app = await TestApp.StartAsync();
        await ClinicianBookedByAsync(app, "Dr Ada Hart", "ada@clinic.example", "one@mail.example");
        await app.Get<PatientNotices>().CatchUpAsync();
        var due = Assert.Single(await app.Get<EmailOutbox>().DueAsync(app.Clock.GetUtcNow(), 10));

        await app.Get<IEmailSender>().SendAsync(due.Email);
        await app.Get<IEmailSender>().SendAsync(due.Email);

        var files = Directory.GetFiles(Path.Combine(app.Directory, "mail-pickup"));
        Assert.Equal(SmtpEmailSender.PickupFileName(due.Email.Key!), Path.GetFileName(Assert.Single(files)));
    }

    [Fact]
    public async Task ManyMessagesAtOnce_AllArriveOnceOverTheKeptConnections()
    {
        await using var smtp = await SmtpServer.CreateAsync();
        await using var app = await TestApp.StartAsync(settings: Smtp(smtp));
        var doctor = await app.CreateUserAsync("Dr Ada Hart", "ada@clinic.example", Roles.Doctor);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(doctor, A.Tomorrow, [new BlockOfTime(new(9, 0), new(15, 0))], Actor.Doctor(doctor))).Value!;
        for (var i = 0; i < 30; i++)
        {
            var patient = await app.CreateUserAsync($"Patient {i}", $"many{i}@mail.example", Roles.Patient);
            await app.Get<BookSlotsHandler>().HandleAsync(patient, [day.Slots[i].SlotId], Actor.Patient(patient));
        }
        await app.Get<PatientNotices>().CatchUpAsync();

        var sent = await app.Get<EmailDispatcher>().SendDueAsync();

        Assert.Equal(30, sent);
        var messages = smtp.Messages();
        Assert.Equal(30, messages.Count);
        Assert.All(Enumerable.Range(0, 30), i => Assert.Single(messages, m => m.Contains($"To: many{i}@mail.example")));
    }
}
