using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Features.Admin.VisitTypes;

public sealed class DefineVisitTypeHandler(CommandExecutor executor, IPracticeClock clock)
{
    /// <summary>Adds a visit type (<paramref name="visitTypeId"/> null) or changes one.</summary>
    public async Task<Checked<VisitTypeDefined>> HandleAsync(Guid? visitTypeId, VisitTypeForm form, Actor by, CancellationToken ct = default)
    {
        var command = new DefineVisitType(visitTypeId ?? Guid.CreateVersion7(), visitTypeId is null, form.Name, form.Description, form.Minutes,
            form.GivenByKinds, form.GivenByClinicians, form.BookableOnline, form.Colour, by, clock.Now, form.RoomFeature, form.Parts, form.PatientsBookSeries);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
