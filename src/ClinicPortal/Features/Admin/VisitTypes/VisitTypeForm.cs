using ClinicPortal.Domain;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Features.Admin.VisitTypes;

/// <summary>What the owner fills in for a visit type (the page's form and the API's body).</summary>
public sealed record VisitTypeForm(
    string Name, string Description, int Minutes, IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians,
    bool BookableOnline, string Colour, string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null, bool PatientsBookSeries = false);
