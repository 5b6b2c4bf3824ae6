namespace ClinicPortal.Features.Booking.ChangeParts;

/// <summary>One clinician's part of an appointment as staff ask for it: who, from when, until when.</summary>
public sealed record PartChange(Guid ClinicianId, DateTimeOffset StartUtc, DateTimeOffset EndUtc);
