namespace ClinicPortal.Domain.VisitTypes;

/// <summary>Add a visit type (<paramref name="IsNew"/>) or change one. Only the owner does.</summary>
public sealed record DefineVisitType(
    Guid VisitTypeId, bool IsNew, string Name, string Description, int Minutes,
    IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians, bool BookableOnline, string Colour,
    Actor By, DateTimeOffset Now, string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null, bool PatientsBookSeries = false) : ICommand<DefineVisitType, DefineVisitTypeDecider, VisitTypeCatalogue, VisitTypeDefined>;
