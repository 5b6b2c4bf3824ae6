namespace ClinicPortal.Features.Api;

public sealed record ReassignRequest(Guid? ClinicianId);
