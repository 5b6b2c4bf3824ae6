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
    private static readonly Clinician Doctor = new(new(Guid.NewGuid(), "Dr Ada Hart", "hart@clinic.test", null, true), ClinicianKind.Doctor);
    private static readonly Clinician Counsellor = new(new(Guid.NewGuid(), "Cal Reyes", "cal@clinic.test", null, true), ClinicianKind.Counsellor);

    private async Task<(IRenderedComponent<MudDialogProvider> Host, IDialogReference Dialog, List<IReadOnlyList<AppointmentPartsDialog.PartInput>> Saved)> OpenAsync(
        string? refusal)
    {
        var (host, _) = RenderProviders();
        var saved = new List<IReadOnlyList<AppointmentPartsDialog.PartInput>>();
        var parameters = new DialogParameters<AppointmentPartsDialog>
        {
            { d => d.Parts, [new() { Kind = ClinicianKind.Nurse, ClinicianId = Nurse.Id, Start = new(9, 0), End = new(9, 20) },
                             new() { Kind = ClinicianKind.Doctor, ClinicianId = Doctor.Id, Start = new(9, 10), End = new(9, 30) }] },
            { d => d.Clinicians, [Nurse, Doctor, Counsellor] },
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
        Assert.Equal([(ClinicianKind.Nurse, Nurse.Id), (ClinicianKind.Doctor, Doctor.Id)], saved.Single().Select(p => (p.Kind, p.ClinicianId)));
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
}
