namespace ClinicPortal.Features.Api;

public sealed record ServiceDto(
    Guid ServiceId, string Name, string Description, int DurationMinutes, bool BookableOnline, IReadOnlyList<Guid> ClinicianIds,
    IReadOnlyList<ClinicPortal.Domain.ClinicianKind> ClinicianKinds, string Colour, string? RoomFeature,
    IReadOnlyList<ClinicPortal.Domain.VisitTypes.VisitPart>? Parts = null);
