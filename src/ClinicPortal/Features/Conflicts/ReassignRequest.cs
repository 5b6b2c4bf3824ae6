namespace ClinicPortal.Features.Conflicts;

public sealed record ReassignRequest(Guid? ClinicianId);
