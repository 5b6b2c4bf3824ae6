using ClinicPortal.Features.Reception.CancelDay;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Reception;

public class CancelDayDialogTests : ClinicTestContext
{
    private static readonly Guid Clinician = Guid.NewGuid();
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly Person Pat = new(Guid.NewGuid(), "Pat Lee", "pat@mail.example", "+44 7700 900001", true);
    private static readonly Person Sam = new(Guid.NewGuid(), "Sam Ray", "sam@mail.example", null, true);

    private static DayAppointment Appointment(Person patient, int minutesAfterNine, int slots = 1, string? cancelled = null) =>
        new(Guid.NewGuid(), patient.Id, Clinician, Nine.AddMinutes(minutesAfterNine), Nine.AddMinutes(minutesAfterNine + 10 * slots), slots,
            patient.Id.ToString(), Nine.AddDays(-3), cancelled, null);

    // Pat holds a double and a single; Sam one single; Pat's earlier booking was cancelled by Pat.
    private static readonly DayAppointment[] Day =
    [
        Appointment(Pat, 0, slots: 2), Appointment(Sam, 30), Appointment(Pat, 60), Appointment(Pat, 90, cancelled: "Patient"),
    ];

    private static readonly Dictionary<Guid, Person> People = new() { [Pat.Id] = Pat, [Sam.Id] = Sam };

    private async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> OpenAsync()
    {
        var (host, _) = RenderProviders();
        var affected = DayCancellation.WouldReach(Day, People, t => t.ToString("HH:mm"));
        var parameters = new DialogParameters<CancelDayDialog>
        {
            { d => d.Title, "Cancel Dr Hart's day" },
            { d => d.Date, new DateOnly(2026, 3, 3) },
            { d => d.Affected, affected },
        };
        var service = Services.GetRequiredService<IDialogService>();
        var dialog = await host.InvokeAsync(() => service.ShowAsync<CancelDayDialog>("Cancel Dr Hart's day", parameters));
        return (host, dialog);
    }

    [Fact]
    public async Task ItCountsPatientsNotAppointmentsAndListsEachWithTimesAndPhone()
    {
        var (host, _) = await OpenAsync();

        Assert.Equal("2 patients will have their appointments cancelled and will be emailed:", host.Find("[data-testid=affected-count]").TextContent.Trim());
        var items = host.FindAll("[data-testid=affected-patients] li").Select(li => li.TextContent.Trim()).ToArray();
        Assert.Equal(["Pat Lee · 09:00–09:20, 10:00–10:10 · +44 7700 900001", "Sam Ray · 09:30–09:40"], items);
    }

    [Fact]
    public async Task WithoutAReasonItSaysWhatIsMissingAndStaysOpen()
    {
        var (host, dialog) = await OpenAsync();

        await host.Find("[data-testid=confirm]").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Please give a reason.", host.Markup));
        Assert.False(dialog.Result.IsCompleted);
    }

    [Fact]
    public async Task WithAReasonItClosesWithTheReasonTrimmed()
    {
        var (host, dialog) = await OpenAsync();

        host.Find("#cancel-day-reason").Input("  Dr Hart is unwell  ");
        await host.Find("[data-testid=confirm]").ClickAsync(new());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal("Dr Hart is unwell", result.Data);
    }

    [Fact]
    public void TheListOfWhomToPhoneAfterwardsHoldsOnlyThoseTheDayCancelled()
    {
        DayAppointment[] afterwards = [.. Day.Take(3).Select(b => b with { Cancelled = DayCancellation.Reason }), Day[3]];

        var reached = DayCancellation.Reached(afterwards, People, t => t.ToString("HH:mm"));

        Assert.Equal(["Pat Lee", "Sam Ray"], reached.Select(p => p.Name));
        Assert.Equal("09:00–09:20, 10:00–10:10", reached[0].Times);
        Assert.Null(reached[1].Phone);
    }

    [Fact]
    public void TheOutcomeCountsPatientsEmailedNotAppointmentsCancelled()
    {
        var cancelled = new Domain.DayCancelled(Clinician, new DateOnly(2026, 3, 3), "Unwell", [],
            [new(Guid.NewGuid(), Pat.Id, []), new(Guid.NewGuid(), Pat.Id, []), new(Guid.NewGuid(), Sam.Id, [])], "reception");

        Assert.Equal("2 patients will be emailed.", DayCancellationDialog.WhoIsEmailed(cancelled));
        Assert.Equal("1 patient will be emailed.", DayCancellationDialog.WhoIsEmailed(cancelled with { CancelledAppointments = cancelled.CancelledAppointments.Take(2).ToArray() }));
        Assert.Equal("Nobody was booked.", DayCancellationDialog.WhoIsEmailed(cancelled with { CancelledAppointments = [] }));
    }
}
