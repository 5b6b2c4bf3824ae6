using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Admin.Waitlist;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.CancelAppointment;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Features.Waitlist;
using ClinicPortal.Infrastructure.Accounts;

namespace ClinicPortal.Tests.Components.Waitlist;

/// <summary>The owner's waiting list over the app's real read models on a SQLite file: per visit type, first in line first.</summary>
public class WaitlistPageTests : ClinicTestContext
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3); // the app's "now" is Monday 2 March, 08:00

    private TestApp app = default!;

    public override async Task InitializeAsync()
    {
        app = await TestApp.StartAsync();
        var owner = await app.CreateUserAsync("Practice Owner", "owner@clinic.example", Roles.Admin);
        var hart = await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor);
        var booker = await app.CreateUserAsync("Bea Booked", "bea@mail.example", Roles.Patient);
        var day = (await app.Get<ScheduleDayHandler>().HandleAsync(hart, Tuesday, [new BlockOfTime(new(9, 0), new(9, 10))], Actor.Doctor(hart))).Value!;
        var booking = (await app.Get<BookSlotsHandler>().HandleAsync(booker, [day.Slots[0].SlotId], Actor.Patient(booker))).Value!;
        var waitlist = app.Get<WaitlistHandler>();
        foreach (var (name, type, clinician) in new[] { ("Ann First", VisitType.ConsultationId, (Guid?)null), ("Bob Second", VisitType.ConsultationId, hart),
                     ("Cat Long", VisitType.LongConsultationId, null) })
        {
            var patient = await app.CreateUserAsync(name, $"{name.Split(' ')[0].ToLowerInvariant()}@mail.example", Roles.Patient);
            Assert.True((await waitlist.JoinAsync(patient, type, clinician, Tuesday, Tuesday.AddDays(3), Actor.Patient(patient))).IsAccepted);
        }
        // The booked time frees: the first in line for a consultation is offered it.
        await app.Get<CancelAppointmentHandler>().HandleAsync(booking.AppointmentId, Actor.Patient(booker));
        await app.Get<WaitlistOffers>().CatchUpAsync();
        SignIn(owner, "owner@clinic.example", Roles.Admin);
        UseApp(app);
    }

    protected override ValueTask ReleaseAsync() => app.DisposeAsync();

    [Fact]
    public void EachVisitTypesLine_InOrder_WithWhomAndWhatIsOfferedNow()
    {
        RenderProviders();
        var page = Render<WaitlistPage>();
        page.WaitForElement("[data-testid=waitlist-table]");

        var tables = page.FindAll("[data-testid=waitlist-table]");
        Assert.Equal(2, tables.Count); // Consultation and Long consultation, by name
        Assert.Contains("Consultation", page.FindAll("h2")[0].TextContent);
        var rows = tables[0].QuerySelectorAll("tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToArray();
        Assert.Equal(2, rows.Length);
        Assert.StartsWith("1|Ann First|anyone|Tue 3 Mar – Fri 6 Mar|", rows[0]);
        Assert.EndsWith("|offered Tue 3 Mar 09:00, until 09:00", rows[0]);
        Assert.StartsWith("2|Bob Second|Dr Ada Hart|", rows[1]);
        Assert.EndsWith("|waiting", rows[1]);
        Assert.Contains("Cat Long", tables[1].TextContent);
    }
}
