using ClinicPortal.Features.Reception.Day;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Reception;

public class AppointmentDetailsDialogTests : ClinicTestContext
{
    private static readonly Person Pat = new(Guid.NewGuid(), "Pat Lee", "pat@mail.example", "+44 7700 900001", true);
    private static readonly DateTimeOffset Nine = new(2026, 3, 3, 9, 0, 0, TimeSpan.Zero);
    private static readonly DayAppointment Appointment = new(Guid.NewGuid(), Pat.Id, Guid.NewGuid(), Nine, Nine.AddMinutes(20), 2, "reception-id", Nine.AddDays(-2), null, null);

    private async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog)> OpenAsync(bool started, bool canManage, bool canLeavePart = false)
    {
        var (host, _) = RenderProviders();
        var parameters = new DialogParameters<AppointmentDetailsDialog>
        {
            { d => d.Appointment, Appointment },
            { d => d.Patient, Pat },
            { d => d.ClinicianName, "Dr Hart" },
            { d => d.When, "Tuesday 3 March, 09:00–09:20" },
            { d => d.BookedBy, "Rita Reception" },
            { d => d.BookedAt, "Sun 1 Mar, 09:00" },
            { d => d.Started, started },
            { d => d.CanManage, canManage },
            { d => d.CanLeavePart, canLeavePart },
        };
        var dialog = await host.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentDetailsDialog>(Pat.Name, parameters));
        return (host, dialog);
    }

    private static string[] Actions(IRenderedComponent<MudDialogProvider> host) =>
        host.FindAll(".mud-dialog-actions button").Select(b => b.TextContent.Trim()).ToArray();

    [Fact]
    public async Task ItShowsThePatientsPhoneWhenAndWhoBookedIt()
    {
        var (host, _) = await OpenAsync(started: false, canManage: true);

        Assert.Equal("+44 7700 900001", host.Find("[data-testid=booking-phone]").TextContent);
        Assert.Equal("Tuesday 3 March, 09:00–09:20", host.Find("[data-testid=booking-when]").TextContent);
        Assert.Equal("Rita Reception, Sun 1 Mar, 09:00", host.Find("[data-testid=booking-booked-by]").TextContent);
    }

    [Fact]
    public async Task AFutureAppointmentCanBeCancelledAndTheChoiceIsReturned()
    {
        var (host, dialog) = await OpenAsync(started: false, canManage: true);

        Assert.Equal(["Close", "Change parts", "Move", "Cancel appointment"], Actions(host));
        await host.FindAll(".mud-dialog-actions button").Single(b => b.TextContent.Trim() == "Cancel appointment").ClickAsync(new());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(AppointmentDetailsDialog.AppointmentAction.Cancel, result!.Data);
    }

    [Fact]
    public async Task AVisitThatHasStartedIsMarkedArrivedOrNoShowInstead()
    {
        var (host, _) = await OpenAsync(started: true, canManage: true);

        Assert.Equal(["Close", "Arrived", "No-show"], Actions(host));
    }

    [Fact]
    public async Task AClinicianSeesTheDetailsWithoutActions()
    {
        var (host, _) = await OpenAsync(started: false, canManage: false);

        Assert.Equal(["Close"], Actions(host));
    }

    [Fact]
    public async Task OnAClinciansOwnCalendar_TheirPartOfASharedVisitCanBeTakenBack_AndOtherwiseTheyOnlyClose()
    {
        var (host, dialog) = await OpenAsync(started: false, canManage: false, canLeavePart: true);

        Assert.Equal(["Close", "Take my part back"], Actions(host));
        await host.Find("[data-testid=booking-leave-part]").ClickAsync(new());
        Assert.Equal(AppointmentDetailsDialog.AppointmentAction.LeavePart, (await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Data);
    }

    [Fact]
    public async Task ACliniciansVisitOfTheirOwnOffersNothingButClose()
    {
        var (host, _) = await OpenAsync(started: false, canManage: false);

        Assert.Equal(["Close"], Actions(host));
    }
}
