namespace ClinicPortal.Features.Api;

/// <summary>Someone who could take an appointment over: free for its whole time.</summary>
public sealed record ReassignSuggestionDto(Guid ClinicianId, string Name);
