namespace ClinicPortal.Application.Ports;

/// <summary>Someone's name and how to reach them, as their account says (a dependant has no email: "").</summary>
public sealed record AccountContact(Guid Id, string Name, string Email, string? Phone, bool IsActive);
