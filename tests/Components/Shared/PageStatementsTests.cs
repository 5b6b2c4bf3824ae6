using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.MyAppointments;
using ClinicPortal.Features.Reception.Day;
using ClinicPortal.Features.Scheduling.MySchedule;
using ClinicPortal.Features.Scheduling.ScheduleDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Shared;

/// <summary>
/// The pages read in sets: loading Reception's day, a clinician's week, the Book page's day and My bookings each runs the
/// same number of SQL statements on a day of 5 bookings as on a day of 60 (and a patient's bookings over one month or
/// three), counted as the pages run them over the app's real read models on a SQLite file.
/// </summary>
public class PageStatementsTests
{
    private static readonly DateOnly Tuesday = new(2026, 3, 3); // the app's "now" is Monday 2 March, 08:00

    [Fact]
    public async Task EachPagesLoadRunsAsManyStatementsOnAFullDayAsOnAQuietOne()
    {
        var quiet = await CountAsync(bookings: 5, months: 1);
        var full = await CountAsync(bookings: 60, months: 3);

        Assert.Equal(quiet, full);
        Console.WriteLine(string.Join(", ", full.Select(p => $"{p.Key}: {p.Value}")));
        // A small constant: a few statements for each thing a page shows, none for each booking, slot or day.
        Assert.All(full, page => Assert.InRange(page.Value, 1, 16));
    }

    /// <summary>A practice of three doctors on a Tuesday from 08:00 to 14:00, with this many bookings spread over them.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> CountAsync(int bookings, int months)
    {
        await using var app = await TestApp.StartAsync();
        var reception = await app.CreateUserAsync("Rae Desk", "desk@clinic.example", Roles.Receptionist);
        Guid[] doctors =
        [
            await app.CreateUserAsync("Dr Ada Hart", "hart@clinic.example", Roles.Doctor),
            await app.CreateUserAsync("Dr Ben Okafor", "okafor@clinic.example", Roles.Doctor),
            await app.CreateUserAsync("Dr Chloe Lind", "lind@clinic.example", Roles.Doctor),
        ];
        var patients = new List<Guid>();
        for (var i = 0; i < 12; i++)
            patients.Add(await app.CreateUserAsync($"Patient {i}", $"patient{i}@mail.example", Roles.Patient));
        var patient = patients[0];

        var schedule = app.Get<ScheduleDayHandler>();
        var days = Enumerable.Range(0, months).Select(m => Tuesday.AddMonths(m)).ToArray();
        var slots = new List<ScheduledSlot>();
        foreach (var day in days)
            foreach (var doctor in doctors)
            {
                var scheduled = await schedule.HandleAsync(doctor, day, [new BlockOfTime(new(8, 0), new(14, 0))], Actor.Doctor(doctor));
                if (day == Tuesday)
                    slots.AddRange(scheduled.Value!.Slots);
            }

        // The Tuesday's bookings, a slot each, round the doctors and the patients (five each at most, never two at once:
        // under the monthly limit); on a full day the first patient has bookings in the other months too.
        var book = app.Get<BookSlotsHandler>();
        var perDoctor = slots.Count / doctors.Length;
        for (var i = 0; i < bookings; i++)
        {
            var slot = slots[i % doctors.Length * perDoctor + i / doctors.Length];
            var booked = await book.HandleAsync(patients[i % patients.Count], [slot.SlotId], Actor.Receptionist(reception));
            Assert.True(booked.IsAccepted, booked.Rejection?.ToString());
        }
        foreach (var day in days.Skip(1))
        {
            var free = (await app.Get<ScheduleReadModel>().AvailableSlotsAsync(day, app.Clock.GetUtcNow()))[0].Slots;
            for (var i = 0; i < 4; i++)
                Assert.True((await book.HandleAsync(patient, [free[i * 2].SlotId], Actor.Receptionist(reception))).IsAccepted);
        }

        var counts = new Dictionary<string, int>
        {
            ["Reception's day"] = await CountAsync(app, reception, Roles.Receptionist, $"reception?date={Tuesday:yyyy-MM-dd}",
                page => page.Render<ReceptionPage>().WaitForElement("[data-testid=time-grid]")),
            ["A clinician's week"] = await CountAsync(app, doctors[0], Roles.Doctor, $"schedule?date={Tuesday:yyyy-MM-dd}", page =>
            {
                var schedulePage = page.Render<SchedulePage>();
                schedulePage.WaitForElement("[data-testid=time-grid]");
                schedulePage.FindAll(".mud-tab").Single(tab => tab.TextContent.Trim() == "Week").Click();
                schedulePage.WaitForElement("[data-testid=time-grid][aria-label^='Week of']");
            }),
            ["The Book page's day"] = await CountAsync(app, patient, Roles.Patient, $"book?date={Tuesday:yyyy-MM-dd}",
                page => page.Render<BookPage>().WaitForElement("button.slot-offer")),
            ["My bookings"] = await CountAsync(app, patient, Roles.Patient, "my-bookings",
                page => page.Render<MyAppointmentsPage>().WaitForElement("[data-testid=booking]")),
        };
        return counts;
    }

    /// <summary>The statements one page's load ran, rendered for a signed-in user at an address.</summary>
    private static async Task<int> CountAsync(TestApp app, Guid user, string role, string address, Action<PageHost> load)
    {
        await using var host = new PageHost(app, user, role);
        host.Services.GetRequiredService<NavigationManager>().NavigateTo($"http://localhost/{address}");
        using var counted = SqlStatements.Count();
        load(host);
        return counted.Statements;
    }

    private sealed class PageHost : ClinicTestContext
    {
        public PageHost(TestApp app, Guid user, string role)
        {
            SignIn(user, "someone@clinic.example", role);
            UseApp(app);
            Render<MudPopoverProvider>();
            Render<MudDialogProvider>();
            Render<MudSnackbarProvider>();
        }
    }
}
