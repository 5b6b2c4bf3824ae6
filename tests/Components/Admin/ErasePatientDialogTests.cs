using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Notifications;
using ClinicPortal.Features.Reception.Patients;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Tests.Components.Admin;

/// <summary>
/// The owner erases a patient from their page, over the app's real services on a SQLite file: the dialog says what goes
/// and what stays, cancels the appointment still to come first, waits for its email, and erases only once the owner says
/// they understand; the page then names the patient "Erased patient …".
/// </summary>
public class ErasePatientDialogTests : ClinicTestContext
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3); // the app's "now" is Monday 2 March, 08:00

    private TestApp app = default!;
    private Guid ada;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        var owner = await app.CreateUserAsync("Practice Owner", "owner@clinic.example", Roles.Admin);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        ada = await app.CreateUserAsync("Ada Lovelace", "ada@mail.example", Roles.Patient);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, Tuesday, [new BlockOfTime(new(9, 0), new(9, 30))], Actor.Doctor(hart))).Value!;
        Assert.True((await app.Get<BookSlotsHandler>().HandleAsync(ada, [day.Slots[0].SlotId], Actor.Patient(ada), reason: "a private worry")).IsAccepted);
        await app.Get<PatientNotices>().CatchUpAsync();
        SignIn(owner, "owner@clinic.example", Roles.Admin);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    [Fact]
    public async Task TheOwnerCancelsWhatIsToCome_WaitsForItsEmail_ConfirmsAndErases()
    {
        var (dialogs, snackbars) = RenderProviders();
        var page = Render<PatientAppointmentsPage>(ps => ps.Add(p => p.PatientId, ada));
        page.WaitForElement("[data-testid=erase-patient]");

        _ = page.Find("[data-testid=erase-patient]").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=erase-to-come]");
        Assert.Contains("their password, sign-in and calendar address", dialogs.Find("[data-testid=erase-goes]").TextContent);
        Assert.Contains("the dashboard's figures", dialogs.Find("[data-testid=erase-stays]").TextContent);
        Assert.True(dialogs.Find("[data-testid=erase-confirm]").HasAttribute("disabled"));

        await dialogs.Find("[data-testid=erase-cancel-to-come]").ClickAsync(new());
        // The cancellation's email is not made yet: the dialog waits for it.
        dialogs.WaitForElement("[data-testid=erase-emails-waiting]");
        await app.Get<PatientNotices>().CatchUpAsync();
        await app.Get<ClinicDatabase>().ExecuteAsync("UPDATE outbox SET status = 'sent';", default); // as the sender does
        await dialogs.FindAll("button").Single(b => b.TextContent.Trim() == "Check again").ClickAsync(new());
        dialogs.WaitForElement("[data-testid=erase-understood]");
        Assert.True(dialogs.Find("[data-testid=erase-confirm]").HasAttribute("disabled")); // not before they say they understand

        dialogs.Find("input[type=checkbox]").Change(true);
        await dialogs.Find("[data-testid=erase-confirm]").ClickAsync(new());

        var erased = $"Erased patient {ada.ToString("N")[^4..]}";
        page.WaitForAssertion(() => Assert.Contains($"{erased}'s appointments", page.Find("h1").TextContent));
        snackbars.WaitForAssertion(() => Assert.Contains($"Ada Lovelace is now {erased}", snackbars.Markup));
        Assert.Empty(page.FindAll("[data-testid=erase-patient]"));
        Assert.Equal("", (await app.Get<PeopleDirectory>().FindAsync(ada))!.Email); // no email left to write to or sign in with
    }
}
