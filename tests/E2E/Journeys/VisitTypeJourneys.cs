using ClinicPortal.Tests.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ClinicPortal.Tests.E2E.Journeys;

/// <summary>Booking by what the visit is for: the nurse's vaccination, the front desk's minor procedure, the owner's services.</summary>
[Collection(ClinicAppCollection.Name)]
public class VisitTypeJourneys(ClinicAppFixture fixture)
{
    [Fact]
    public async Task APatientBooksAVaccinationWithTheNurseViaNextAvailable()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "patient20@demo.clinic", then: "/book");
        await Pages.WaitUntilInteractiveAsync(page);

        await Pages.ChooseAsync(page, page.GetByTestId("visit-type"), "Vaccination (10 min)");
        await page.GetByTestId("next-available").ClickAsync();

        await Expect(page.GetByTestId("next-available-note")).ToContainTextAsync("The first free time for a Vaccination is on");
        await Expect(page.Locator("section[data-testid=clinician-offers] h2")).ToHaveTextAsync(["Nia Shaw"]);
        Assert.Contains("type=", page.Url);
        await page.GetByTestId("reason").FillAsync("Travel to Kenya in March");
        await Pages.ScreenshotAsync(page, "patient-book-vaccination");
        await page.Locator(".slot-offer").First.ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Book a Vaccination");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Booked");

        await page.GotoAsync("/my-bookings");
        await Expect(page.GetByTestId("booking").Filter(new() { HasText = "Vaccination" })).ToHaveCountAsync(1);
        await Expect(page.GetByTestId("booking").Filter(new() { HasText = "Nia Shaw" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceptionBooksAMinorProcedureInStaffOnlyTime_WhichNoPatientCanSee()
    {
        var day = Pages.Weekday(6);
        var patient = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        var name = $"Mina {Guid.NewGuid():N}"[..12]; // a new patient, with the whole month's limit before them
        await Pages.RegisterAsync(patient, fixture.App, name, $"{name.Replace(' ', '-').ToLowerInvariant()}@example.test");
        await patient.GotoAsync($"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(patient);
        var hart = patient.Locator("section[aria-label='Dr Ada Hart'] button.slot-offer");
        await Expect(hart.First).ToBeVisibleAsync();
        Assert.DoesNotContain(await hart.AllInnerTextsAsync(), time => string.CompareOrdinal(time.Trim(), "16:00") >= 0);
        await patient.GetByTestId("visit-type").ClickAsync();
        await Expect(patient.GetByRole(AriaRole.Option, new() { Name = "Counselling (50 min)" })).ToBeVisibleAsync();
        var options = await patient.GetByRole(AriaRole.Option).AllInnerTextsAsync();
        Assert.Contains("Vaccination (10 min)", options.Select(o => o.Trim()));
        Assert.DoesNotContain(options, o => o.Contains("Minor procedure")); // other tests may add services; this one is staff-booked
        await patient.Keyboard.PressAsync("Escape");

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Pages.SearchAndChooseAsync(page, page.Locator("#patient-search"), name);
        await Expect(page.GetByTestId("chosen-patient")).ToContainTextAsync(name);
        await Pages.ChooseAsync(page, page.GetByTestId("visit-type"), "Minor procedure (30 min) · booked by staff");

        var procedure = page.GetByRole(AriaRole.Button, new() { Name = "Book 16:00 to 16:30 with Dr Ada Hart" });
        await Expect(procedure).ToBeVisibleAsync();
        await procedure.ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Book a Minor procedure, 16:00–16:30");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Booked");

        await page.GotoAsync($"/reception?date={day:yyyy-MM-dd}");
        var block = Pages.GridBlocks(page, "Dr Ada Hart", "booked").Filter(new() { HasText = "Minor procedure" });
        await Expect(block).ToHaveCountAsync(1);
        await Expect(block).ToContainTextAsync(name);
        await Pages.ScreenshotAsync(page, "reception-day-visit-types");
        await page.Context.CloseAsync();
        await patient.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceptionBooksADiabetesReview_AndTheNurseAndTheClinicianEachSeeTheirOwnPart()
    {
        var day = Pages.Weekday(5);
        var signUp = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        var name = $"Dev {Guid.NewGuid():N}"[..12];
        await Pages.RegisterAsync(signUp, fixture.App, name, $"{name.Replace(' ', '-').ToLowerInvariant()}@example.test");
        await signUp.Context.CloseAsync();

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        await Pages.SearchAndChooseAsync(page, page.Locator("#patient-search"), name);
        await Expect(page.GetByTestId("chosen-patient")).ToContainTextAsync(name);
        await Pages.ChooseAsync(page, page.GetByTestId("visit-type"), "Diabetes review (30 min)");

        // Offered per team: the nurse with each doctor, at the starts where both parts fit.
        var team = page.Locator("section[aria-label='Nia Shaw and Dr Ada Hart'] button.slot-offer");
        await Expect(team.First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "reception-book-diabetes-review");
        var time = (await team.First.TextContentAsync())!.Trim();
        await team.First.ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Diabetes review");
        await page.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Booked");

        await page.GotoAsync($"/reception?date={day:yyyy-MM-dd}");
        var nursePart = Pages.GridBlocks(page, "Nia Shaw", "booked").Filter(new() { HasText = name });
        var doctorPart = Pages.GridBlocks(page, "Dr Ada Hart", "booked").Filter(new() { HasText = name });
        await Expect(nursePart).ToHaveCountAsync(1);
        await Expect(doctorPart).ToHaveCountAsync(1);
        await Expect(nursePart).ToContainTextAsync("Diabetes review");
        // The nurse's part from the visit's start, the doctor's from 10 minutes in.
        var start = TimeOnly.Parse(time[..5], System.Globalization.CultureInfo.InvariantCulture);
        await Expect(nursePart).ToHaveAttributeAsync("data-start", start.ToString("HH:mm"));
        await Expect(doctorPart).ToHaveAttributeAsync("data-start", start.AddMinutes(10).ToString("HH:mm"));
        await Pages.ScreenshotAsync(page, "reception-day-diabetes-review");

        // The doctor needs ten minutes more: one change of the doctor's part, and the patient is emailed the new end.
        await doctorPart.ClickAsync();
        await Expect(page.GetByTestId("booking-parts")).ToContainTextAsync("Nia Shaw");
        await Expect(page.GetByTestId("booking-parts")).ToContainTextAsync("Dr Ada Hart");
        await Expect(page.GetByTestId("booking-when")).ToContainTextAsync($"{start:HH:mm}–{start.AddMinutes(30):HH:mm}");
        await page.GetByTestId("booking-change-parts").ClickAsync();
        await Expect(page.GetByTestId("appointment-part")).ToHaveCountAsync(2);
        await Pages.ChooseAsync(page, page.GetByTestId("part-end-Doctor"), start.AddMinutes(40).ToString("HH:mm"));
        await Pages.ScreenshotAsync(page, "reception-change-parts");
        await page.SetViewportSizeAsync(390, 844); // the dialog fits a phone, its fields two to a row
        Assert.True(await page.EvaluateAsync<bool>("() => document.querySelector('[data-testid=parts-dialog]').getBoundingClientRect().right <= window.innerWidth"),
            "The parts dialog runs off a phone's screen.");
        await Pages.ScreenshotAsync(page, "reception-change-parts-phone");
        await page.SetViewportSizeAsync(1280, 900);
        await page.GetByTestId("parts-save").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Parts changed");
        await Expect(doctorPart).ToHaveAttributeAsync("aria-label", new System.Text.RegularExpressions.Regex($"until {start.AddMinutes(40):HH:mm}"));
        var moved = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory),
            m => m.Contains($"To: {name.Replace(' ', '-').ToLowerInvariant()}@example.test") && m.Contains("Subject: Moved:"));
        Assert.Contains("METHOD:REQUEST", moved);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOwnerAddsAVisitType_AndANameInUseIsRefusedNextToTheField()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "admin@demo.clinic", then: "/admin/visit-types");
        await Pages.WaitUntilInteractiveAsync(page);
        foreach (var seeded in new[] { "Consultation", "Long consultation", "Vaccination", "Counselling", "Minor procedure" })
            await Expect(page.Locator(".visit-type-row").Filter(new() { HasText = seeded }).First).ToBeVisibleAsync();

        await page.Locator("#visit-type-name").FillAsync("Vaccination");
        await page.GetByTestId("visit-type-save").ClickAsync();
        await Expect(page.GetByText("Another visit type already has this name.")).ToBeVisibleAsync();

        var name = $"Travel clinic {Guid.NewGuid():N}"[..20];
        await page.Locator("#visit-type-name").FillAsync(name);
        await Pages.ChooseAsync(page, page.GetByTestId("visit-type-length"), "20 minutes");
        await page.GetByTestId("visit-type-kind-Doctor").UncheckAsync();
        await page.GetByTestId("visit-type-kind-Nurse").CheckAsync();
        await page.GetByTestId("visit-type-save").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Visit type added");
        var row = page.Locator(".visit-type-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("20 min");
        await Expect(row).ToContainTextAsync("every nurse");
        await Pages.ScreenshotAsync(page, "admin-services");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task TheOwnerAddsAVisitOfTwoClinicians_AndAGapBetweenThePartsIsRefusedNextToThem()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "admin@demo.clinic", then: "/admin/services");
        await Pages.WaitUntilInteractiveAsync(page);
        var name = $"Asthma review {Guid.NewGuid():N}"[..20];
        await page.Locator("#visit-type-name").FillAsync(name);
        await page.Locator("input[data-testid=visit-type-has-parts], [data-testid=visit-type-has-parts] input").CheckAsync();
        await Expect(page.GetByTestId("visit-type-part")).ToHaveCountAsync(2); // the nurse 0–20, a doctor 10–30 to start from
        await Expect(page.GetByTestId("visit-type-parts-length")).ToContainTextAsync("30 minutes");

        await Pages.ChooseAsync(page, page.GetByTestId("part-offset-2"), "30");
        await page.GetByTestId("visit-type-save").ClickAsync();
        await Expect(page.GetByTestId("visit-type-parts-error")).ToContainTextAsync("no gap between them");
        await Expect(page.GetByTestId("part-error-2")).ToContainTextAsync("starts at minute 30, but the parts before it end at minute 20");
        await Expect(page.GetByTestId("part-error-1")).ToHaveCountAsync(0);

        await Pages.ChooseAsync(page, page.GetByTestId("part-offset-2"), "10");
        await page.GetByTestId("visit-type-save").ClickAsync();
        await Pages.ExpectOutcomeAsync(page, "Visit type added");
        var row = page.Locator(".visit-type-row").Filter(new() { HasText = name });
        await Expect(row).ToContainTextAsync("30 min");
        await Expect(row).ToContainTextAsync("a nurse 0–20 min, then a doctor 10–30 min");
        await Expect(Pages.Outcomes(page).Filter(new() { HasText = "Not bookable yet" })).ToHaveCountAsync(0); // the nurse and the doctors meet in the mornings

        // The nurse works mornings and the counsellor afternoons: a visit of both is saved, with a word that it cannot be booked yet.
        await page.Locator("#visit-type-name").FillAsync($"Joint care {Guid.NewGuid():N}"[..18]);
        await page.Locator("input[data-testid=visit-type-has-parts], [data-testid=visit-type-has-parts] input").CheckAsync();
        await Pages.ChooseAsync(page, page.GetByTestId("part-kind-2"), "Counsellor");
        await page.GetByTestId("visit-type-save").ClickAsync();
        // Said once the next 60 days are searched for the two together, which on a busy machine takes a few seconds.
        await Expect(Pages.Outcomes(page).Filter(new() { HasText = "Not bookable yet" })).ToHaveCountAsync(1, new() { Timeout = 15_000 });
        await Expect(page.GetByTestId("outcome-detail").Filter(new() { HasText = "nurse and counsellor are free together" })).ToHaveCountAsync(1);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task APatientMovesTheirAppointmentFromMyAppointments_AndIsEmailedTheNewTime()
    {
        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "patient1@demo.clinic", then: "/my-bookings");
        await Pages.WaitUntilInteractiveAsync(page);
        var first = page.GetByTestId("booking").First;
        await Expect(first).ToBeVisibleAsync();
        var before = (await first.InnerTextAsync()).Trim();

        await first.GetByRole(AriaRole.Link, new() { Name = "Move" }).Or(first.GetByRole(AriaRole.Button, new() { Name = "Move" })).ClickAsync();
        await Expect(page.GetByTestId("moving")).ToContainTextAsync("Moving your");
        await Pages.WaitUntilInteractiveAsync(page);
        await page.GetByTestId("next-available").ClickAsync();
        await Expect(page.Locator(".slot-offer").First).ToBeVisibleAsync();
        await Pages.ScreenshotAsync(page, "patient-move");
        await page.Locator(".slot-offer").Last.ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("Move your");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/my-bookings$"));
        await Expect(page.GetByTestId("booking").Filter(new() { HasText = before.Split("Move")[0].Trim() })).ToHaveCountAsync(0);
        var moved = await Mailbox.WaitForAsync(() => Mailbox.PickupFolder(fixture.App.DataDirectory),
            m => m.Contains("To: patient1@demo.clinic") && m.Contains("Subject: Moved:"));
        Assert.Contains("METHOD:REQUEST", moved);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReceptionMovesAPatientsAppointmentFromTheDayCalendar()
    {
        var day = Pages.Weekday(9);
        // A new patient books with Dr Lind themselves (the demo's own bookings thin out late in a month).
        var patientName = $"Mo {Guid.NewGuid():N}"[..11];
        var patient = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.RegisterAsync(patient, fixture.App, patientName, $"{patientName.Replace(' ', '-').ToLowerInvariant()}@example.test");
        await patient.GotoAsync($"/book?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(patient);
        await patient.Locator("section[aria-label='Dr Chloe Lind'] button.slot-offer").First.ClickAsync();
        await patient.GetByRole(AriaRole.Button, new() { Name = "Book", Exact = true }).ClickAsync();
        await Pages.ExpectOutcomeAsync(patient, "Booked");
        await patient.Context.CloseAsync();

        var page = await fixture.Browser.NewPageAsync(fixture.App.BaseAddress);
        await Pages.SignInAsync(page, "reception@demo.clinic", then: $"/reception?date={day:yyyy-MM-dd}");
        await Pages.WaitUntilInteractiveAsync(page);
        var booked = Pages.GridBlocks(page, "Dr Chloe Lind", "booked");
        var theirs = booked.Filter(new() { HasText = patientName });
        await Expect(theirs).ToHaveCountAsync(1);
        var before = await booked.CountAsync();
        await theirs.ClickAsync();
        await Expect(page.Locator(".mud-dialog-title")).ToContainTextAsync(patientName);
        await page.GetByTestId("booking-move").ClickAsync();
        await Expect(page.GetByTestId("moving")).ToContainTextAsync("Moving");
        await Expect(page.GetByTestId("moving")).ToContainTextAsync("the current time stays theirs");
        await Pages.WaitUntilInteractiveAsync(page);
        var offer = page.Locator("section[aria-label='Dr Ben Okafor'] button.slot-offer").Last;
        await Expect(offer).ToBeVisibleAsync();
        await offer.ClickAsync();
        await Expect(page.GetByTestId("confirm-message")).ToContainTextAsync("'s");
        await page.GetByRole(AriaRole.Button, new() { Name = "Move", Exact = true }).ClickAsync();

        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/reception\\?date="));
        await Expect(Pages.GridBlocks(page, "Dr Chloe Lind", "booked")).ToHaveCountAsync(before - 1);
        await Expect(Pages.GridBlocks(page, "Dr Ben Okafor", "booked").Filter(new() { HasText = patientName }).First).ToBeVisibleAsync();
        await page.Context.CloseAsync();
    }
}
