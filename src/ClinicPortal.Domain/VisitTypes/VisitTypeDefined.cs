namespace ClinicPortal.Domain.VisitTypes;

/// <summary>
/// The owner added a visit type, or changed one (the event carries the whole definition either way). A definition
/// logged before rooms existed has no <paramref name="RoomFeature"/>: it needs none, as then; one logged before visits
/// had parts has no <paramref name="Parts"/>: it is one clinician's. <paramref name="PatientsBookSeries"/>: patients may book
/// a series of it themselves (written only when so; a definition without it lets only staff book series of it).
/// </summary>
public sealed record VisitTypeDefined(
    Guid VisitTypeId, string Name, string Description, int Minutes,
    IReadOnlyList<ClinicianKind> GivenByKinds, IReadOnlyList<Guid> GivenByClinicians, bool BookableOnline, string Colour,
    string By, string? RoomFeature = null, IReadOnlyList<VisitPart>? Parts = null, bool PatientsBookSeries = false) : IClinicEvent;
