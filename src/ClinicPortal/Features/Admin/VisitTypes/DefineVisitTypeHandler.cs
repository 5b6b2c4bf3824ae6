using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Features.Admin.VisitTypes;

/// <summary>What the owner fills in for a visit type (the page's form and the API's body).</summary>
public sealed record VisitTypeForm(
    string Name, string Description, int Minutes, IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians,
    bool BookableOnline, string Colour, string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null);

public sealed class DefineVisitTypeHandler(CommandExecutor executor, IPracticeClock clock)
{
    /// <summary>Adds a visit type (<paramref name="visitTypeId"/> null) or changes one.</summary>
    public async Task<Checked<VisitTypeDefined>> HandleAsync(Guid? visitTypeId, VisitTypeForm form, Actor by, CancellationToken ct = default)
    {
        var command = new DefineVisitType(visitTypeId ?? Guid.CreateVersion7(), visitTypeId is null, form.Name, form.Description, form.Minutes,
            form.GivenByKinds, form.GivenByClinicians, form.BookableOnline, form.Colour, by, clock.Now, form.RoomFeature, form.Parts);
        return (await executor.ExecuteAsync(command, ct)).Single();
    }
}
