using ClinicPortal.Domain;
using ClinicPortal.Features.Reception.Day;
using ClinicPortal.Infrastructure.Accounts;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace ClinicPortal.Tests.Components.Reception;

/// <summary>Changing an appointment's parts: a refusal is said in the dialog, which stays open with what was chosen.</summary>
public class AppointmentPartsDialogTests : ClinicTestContext
{
    private static readonly Clinician Nurse = new(new(Guid.NewGuid(), "Nia Shaw", "nia@clinic.test", null, true), ClinicianKind.Nurse);
    private static readonly Clinician Clinician = new(new(Guid.NewGuid(), "Dr Ada Hart", "hart@clinic.test", null, true), ClinicianKind.Doctor);
    private static readonly Clinician Counsellor = new(new(Guid.NewGuid(), "Cal Reyes", "cal@clinic.test", null, true), ClinicianKind.Counsellor);

    private IRenderedComponent<MudPopoverProvider>? popovers;

    private async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog, List<IReadOnlyList<AppointmentPartsDialog.PartInput>> Saved)> OpenAsync(
        string? refusal)
    {
        popovers = Render<MudPopoverProvider>();
        var host = Render<MudDialogProvider>();
        var saved = new List<IReadOnlyList<AppointmentPartsDialog.PartInput>>();
        var parameters = new DialogParameters<AppointmentPartsDialog>
        {
            { d => d.Parts, [new() { Kind = ClinicianKind.Nurse, ClinicianId = Nurse.Id, Start = new(9, 0), End = new(9, 20) },
                             new() { Kind = ClinicianKind.Doctor, ClinicianId = Clinician.Id, Start = new(9, 10), End = new(9, 30) }] },
            { d => d.Clinicians, [Nurse, Clinician, Counsellor] },
            { d => d.PatientName, "Pat Lee" },
            { d => d.VisitTypeName, "Diabetes review" },
            { d => d.Save, parts => { saved.Add(parts.ToArray()); return Task.FromResult(refusal); } },
        };
        var dialog = await host.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<AppointmentPartsDialog>("Change parts", parameters));
        return (host, dialog, saved);
    }

    [Fact]
    public async Task ARefusalIsSaidInTheDialog_WhichStaysOpenWithEveryPart()
    {
        var (host, dialog, saved) = await OpenAsync("Another booking holds some of that time. Please choose another time.");

        await host.Find("[data-testid=parts-save]").ClickAsync(new());

        Assert.Contains("Another booking holds", host.Find("[data-testid=parts-error]").TextContent);
        Assert.Equal(2, host.FindAll("[data-testid=appointment-part]").Count);
        Assert.False(dialog.Result.IsCompleted);
        Assert.Equal([(ClinicianKind.Nurse, Nurse.Id), (ClinicianKind.Doctor, Clinician.Id)], saved.Single().Select(p => (p.Kind, p.ClinicianId)));
    }

    [Fact]
    public async Task RemovingAPartAndSavingClosesTheDialog_WithThePartsLeft()
    {
        var (host, dialog, saved) = await OpenAsync(refusal: null);

        await host.Find("[aria-label=\"Remove the nurse's part\"]").ClickAsync(new());
        Assert.Single(host.FindAll("[data-testid=appointment-part]"));
        Assert.True(host.Find("[aria-label=\"Remove the doctor's part\"]").HasAttribute("disabled")); // the last part stays
        await host.Find("[data-testid=parts-save]").ClickAsync(new());

        var result = await dialog.Result.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.False(result!.Canceled);
        Assert.Equal([ClinicianKind.Doctor], saved.Single().Select(p => p.Kind));
    }

    /// <summary>The times a select offers, opened as a browser opens it (a mouse-down on its control).</summary>
    private async Task<IReadOnlyList<string>> OfferedAsync(IRenderedComponent<MudDialogProvider> host, string testId)
    {
        await host.Find($"[data-testid={testId}]").Closest(".mud-input-control")!.MouseDownAsync(new());
        popovers!.WaitForElement(".mud-list-item");
        return popovers!.FindAll(".mud-list-item").Select(i => i.TextContent.Trim()).ToArray();
    }

    [Fact]
    public async Task APartsEndOffersOnlyTimesAfterItsStart_AndAStartMovedPastTheEndMakesItATenMinutePart()
    {
        var (host, _, saved) = await OpenAsync(refusal: null);

        var ends = await OfferedAsync(host, "part-end-Doctor");
        Assert.Equal("09:20", ends[0]); // the doctor's part starts at 09:10
        await popovers!.FindAll(".mud-list-item").First().ClickAsync(new()); // closes the list, keeping 09:20

        await OfferedAsync(host, "part-start-Doctor");
        await popovers!.FindAll(".mud-list-item").Single(i => i.TextContent.Trim() == "09:40").ClickAsync(new());
        await host.Find("[data-testid=parts-save]").ClickAsync(new());

        var doctor = saved.Single().Single(p => p.Kind == ClinicianKind.Doctor);
        Assert.Equal((new TimeOnly(9, 40), new TimeOnly(9, 50)), (doctor.Start, doctor.End));
    }
}
