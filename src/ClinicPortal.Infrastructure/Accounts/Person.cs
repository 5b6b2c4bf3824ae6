namespace ClinicPortal.Infrastructure.Accounts;

public sealed record Person(Guid Id, string Name, string Email, string? Phone, bool IsActive);
