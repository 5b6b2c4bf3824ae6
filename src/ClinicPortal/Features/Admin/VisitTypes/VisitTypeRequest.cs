namespace ClinicPortal.Features.Admin.VisitTypes;

/// <summary>
/// The owner's visit type: who gives it by kind (doctor, nurse, counsellor) and/or by id, and the room feature it needs;
/// or, for a visit of several clinicians, its parts (<c>{kind, offsetMinutes, minutes}</c> each; its length is then theirs).
/// </summary>
public sealed record VisitTypeRequest(
    string? Name, string? Description, int? DurationMinutes, IReadOnlyList<ClinicPortal.Domain.ClinicianKind>? ClinicianKinds,
    IReadOnlyList<Guid>? ClinicianIds, bool? BookableOnline, string? Colour, string? RoomFeature = null,
    IReadOnlyList<ClinicPortal.Domain.VisitTypes.VisitPart>? Parts = null, bool? PatientsBookSeries = null);
