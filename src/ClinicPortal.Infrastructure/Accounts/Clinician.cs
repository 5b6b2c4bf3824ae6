using ClinicPortal.Domain;

namespace ClinicPortal.Infrastructure.Accounts;

/// <summary>What a booking needs to know of someone's account: that it exists, is active, and is a patient's.</summary>
/// <summary>Someone who sees patients, and what kind of clinician they are.</summary>
public sealed record Clinician(Person Person, ClinicianKind Kind)
{
    public Guid Id => Person.Id;
    public string Name => Person.Name;
    public bool IsActive => Person.IsActive;
}
