using System.Security.Claims;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Tests.Unit.Support;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace ClinicPortal.Tests.Unit.Languages;

/// <summary>
/// Each patient's emails are in their language: the one they chose, else the practice's; dates in that language's own
/// words and order, the greeting, the lead and the table's labels alike.
/// </summary>
public class EmailLanguageTests
{
    [Fact]
    public async Task APatientWhoChoseGerman_IsWrittenToInGerman_AndTheOthersInThePracticesLanguage()
    {
        await using var app = await TestApp.StartAsync();
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.test", Roles.Doctor);
        var greta = await app.CreateUserAsync("Greta Braun", "greta@mail.test", Roles.Patient);
        var ben = await app.CreateUserAsync("Ben Jonson", "ben@mail.test", Roles.Patient);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ClinicUser>>();
            await users.AddClaimAsync((await users.FindByIdAsync(greta.ToString()))!, new Claim(Infrastructure.Languages.Languages.ClaimType, "de"));
        }
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, A.Tomorrow, [new BlockOfTime(new(9, 0), new(10, 0))], Actor.Doctor(hart))).Value!;
        var book = app.Get<BookSlotsHandler>();
        var gretas = (await book.HandleAsync(greta, [day.Slots[0].SlotId], Actor.Patient(greta))).Value!.AppointmentId;
        Assert.True((await book.HandleAsync(ben, [day.Slots[1].SlotId], Actor.Patient(ben))).IsAccepted);
        await app.Get<PatientNotices>().CatchUpAsync();

        var toGreta = await EmailToAsync(app, "greta@mail.test");
        Assert.Equal("Gebucht: Dr Ada Hart, Dienstag, 3. März um 09:00", toGreta.Subject);
        Assert.StartsWith("Guten Tag Greta Braun,\n\nIhr Termin bei Dr Ada Hart am Dienstag, 3. März 2026 um 09:00–09:10 ist gebucht.", toGreta.Text);
        Assert.Contains("Eine Kalenderdatei ist angehängt.", toGreta.Text);
        Assert.Contains(">Guten Tag <span data-part=\"patient\">Greta Braun</span>,</p>", toGreta.Html);
        Assert.Contains(">Uhrzeit</td>", toGreta.Html);
        var toBen = await EmailToAsync(app, "ben@mail.test");
        Assert.Equal("Booked: Dr Ada Hart, Tue 3 Mar at 09:10", toBen.Subject);
        Assert.StartsWith("Dear Ben Jonson,\n\nYour appointment with Dr Ada Hart on Tuesday 3 March 2026 at 09:10–09:20 is booked.", toBen.Text);

        // Reception cancels Greta's: told in German, the calendar file's summary too.
        Assert.True((await app.Get<Features.Booking.CancelAppointment.CancelAppointmentHandler>().HandleAsync(gretas, A.Receptionist)).IsAccepted);
        await app.Get<PatientNotices>().CatchUpAsync();
        var cancelled = (await EmailsToAsync(app, "greta@mail.test"))[^1];
        Assert.Equal("Abgesagt: Dr Ada Hart am Dienstag, 3. März", cancelled.Subject);
        Assert.Contains("Die Praxis hat Ihren Termin bei Dr Ada Hart am Dienstag, 3. März 2026 um 09:00–09:10 abgesagt.", cancelled.Text);
        Assert.Contains("Die angehängte Kalenderdatei entfernt den Termin aus Ihrem Kalender.", cancelled.Text);

        // The practice turns to German: Ben, who chose nothing, is written to in German from then on.
        var settings = app.Get<PracticeSettings>();
        Assert.Null(await settings.SaveAsync(settings.Current with { Language = "de" }));
        Assert.True((await book.HandleAsync(ben, [day.Slots[3].SlotId], Actor.Patient(ben))).IsAccepted);
        await app.Get<PatientNotices>().CatchUpAsync();
        Assert.Contains(await EmailsToAsync(app, "ben@mail.test"), e => e.Subject == "Gebucht: Dr Ada Hart, Dienstag, 3. März um 09:30");
    }

    private static async Task<OutboxText> EmailToAsync(TestApp app, string recipient) => Assert.Single(await EmailsToAsync(app, recipient));

    private static Task<IReadOnlyList<OutboxText>> EmailsToAsync(TestApp app, string recipient) =>
        app.Get<ClinicDatabase>().RowsAsync<OutboxText>("SELECT subject, text, html FROM outbox WHERE recipient = @to ORDER BY id;", default, ("@to", recipient));

    private sealed record OutboxText(string Subject, string Text, string Html);
}
