using ClinicPortal.Domain;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Features.Reception.Day;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Reception;

/// <summary>Changing an appointment's room: a room clash asks why in the dialog, which keeps the room chosen; other refusals are said there.</summary>
public class ChangeRoomDialogTests : ClinicTestContext
{
    private static readonly Room Quiet = new(Guid.NewGuid(), "Quiet room", ["step-free"], true);
    private static readonly Room Second = new(Guid.NewGuid(), "Room 2", [], true);

    private IRenderedComponent<MudPopoverProvider>? popovers;

    private async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog, List<(Guid Room, string? Reason)> Saved)> OpenAsync(
        params Rejection?[] answers)
    {
        popovers = Render<MudPopoverProvider>();
        var host = Render<MudDialogProvider>();
        var saved = new List<(Guid, string?)>();
        var parameters = new DialogParameters<ChangeRoomDialog>
        {
            { d => d.PatientName, "Pat Lee" },
            { d => d.CurrentRoom, "Treatment room" },
            { d => d.Rooms, [Quiet, Second] },
            { d => d.Save, (room, reason) => { saved.Add((room, reason)); return Task.FromResult(answers[Math.Min(saved.Count, answers.Length) - 1]); } },
        };
        var dialog = await host.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<ChangeRoomDialog>("Change room", parameters));
        return (host, dialog, saved);
    }

    private async Task ChooseAsync(IRenderedComponent<MudDialogProvider> host, string room)
    {
        await host.Find("[data-testid=room-choice]").Closest(".mud-input-control")!.MouseDownAsync(new());
        popovers!.WaitForElement(".mud-list-item");
        await popovers!.FindAll(".mud-list-item").Single(i => i.TextContent.Trim().StartsWith(room, StringComparison.Ordinal)).ClickAsync(new());
    }

    [Fact]
    public async Task NothingIsSavedUntilARoomIsChosen_ThenSavingClosesTheDialog()
    {
        var (host, dialog, saved) = await OpenAsync((Rejection?)null);
        Assert.Contains("it is in Treatment room now", host.Find("[data-testid=room-dialog]").TextContent);
        Assert.True(host.Find("[data-testid=room-save]").HasAttribute("disabled"));

        await ChooseAsync(host, "Room 2");
        await host.Find("[data-testid=room-save]").ClickAsync(new());

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.Equal([(Second.Id, (string?)null)], saved);
    }

    [Fact]
    public async Task ARoomClashAsksWhy_TheReasonIsRequired_AndItIsSavedWithTheReason()
    {
        var (host, dialog, saved) = await OpenAsync(Rejection.RoomAlreadyBooked, null);
        await ChooseAsync(host, "Quiet room");
        await host.Find("[data-testid=room-save]").ClickAsync(new());

        host.WaitForElement("[data-testid=room-clash]");
        Assert.False(dialog.Result.IsCompleted);
        await host.Find("[data-testid=room-save]").ClickAsync(new());
        host.WaitForAssertion(() => Assert.Contains("Say why", host.Markup)); // next to the field; nothing saved
        Assert.Single(saved);

        host.Find("#room-override-reason").Change("Both need step-free access");
        await host.Find("[data-testid=room-save]").ClickAsync(new());

        Assert.False((await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5)))!.Canceled);
        Assert.Equal((Quiet.Id, "Both need step-free access"), saved[^1]);
    }

    [Fact]
    public async Task AnotherRefusalIsSaidInTheDialog_WhichStaysOpen()
    {
        var (host, dialog, _) = await OpenAsync(Rejection.RoomInUse);
        await ChooseAsync(host, "Quiet room");
        await host.Find("[data-testid=room-save]").ClickAsync(new());

        host.WaitForAssertion(() => Assert.Contains("Another clinician's time is in that room then", host.Find("[data-testid=room-error]").TextContent));
        Assert.False(dialog.Result.IsCompleted);
    }
}
