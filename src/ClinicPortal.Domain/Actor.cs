namespace ClinicPortal.Domain;

public enum Role
{
    Patient,
    Doctor,
    Receptionist,
    Admin,
    System,
}

/// <summary>Who asks for a change: a user of one role (their user id is their patient or doctor id), or the system.</summary>
public sealed record Actor(Guid Id, Role Role)
{
    public static Actor QuotaPolicy { get; } = new(Guid.Empty, Role.System);

    public static Actor Patient(Guid id) => new(id, Role.Patient);
    public static Actor Doctor(Guid id) => new(id, Role.Doctor);
    public static Actor Receptionist(Guid id) => new(id, Role.Receptionist);
    public static Actor Admin(Guid id) => new(id, Role.Admin);

    public bool IsStaff => Role is Role.Receptionist or Role.Admin;

    /// <summary>Staff run every doctor's days; a doctor runs only their own.</summary>
    public bool MayManageDaysOf(Guid doctorId) => IsStaff || Role == Role.System || (Role == Role.Doctor && Id == doctorId);

    /// <summary>How the log records who caused an event.</summary>
    public string Name => Role == Role.System ? "system:quota-policy" : Id.ToString();
}
