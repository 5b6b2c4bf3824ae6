using System.Text.Json.Serialization;
namespace ClinicPortal.Features.Admin.VisitTypes;

public sealed record VisitTypeDto(
    [property: JsonPropertyName("serviceId")] Guid VisitTypeId, string Name, string Description, int DurationMinutes, bool BookableOnline, IReadOnlyList<Guid> ClinicianIds,
    IReadOnlyList<ClinicPortal.Domain.ClinicianKind> ClinicianKinds, string Colour, string? RoomFeature,
    IReadOnlyList<ClinicPortal.Domain.VisitTypes.VisitPart>? Parts = null, bool PatientsBookSeries = false);
