namespace ClinicPortal.Features.Booking.ChangeParts;

/// <summary>One part of an appointment as staff set it: the clinician (by default the part's own), its start and end.</summary>
public sealed record PartRequest(Guid? ClinicianId, DateTimeOffset? Start, DateTimeOffset? End);
