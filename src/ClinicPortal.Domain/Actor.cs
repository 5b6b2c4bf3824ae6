namespace ClinicPortal.Domain;

/// <summary>Who asks for a change: a user of one role (their user id is their patient or clinician id), or the system.</summary>
public sealed record Actor(Guid Id, Role Role)
{
    public static Actor QuotaPolicy { get; } = new(Guid.Empty, Role.System);

    /// <summary>The practice's clock: what is done at a time (a hold given back when it expires).</summary>
    public static Actor Timers { get; } = new(new Guid("00000000-0000-0000-0000-0000000071e5"), Role.System);

    /// <summary>The waiting list: what offers a freed time to the first patient waiting for one.</summary>
    public static Actor Waitlist { get; } = new(new Guid("00000000-0000-0000-0000-00000000a175"), Role.System);

    public static Actor Patient(Guid id) => new(id, Role.Patient);
    public static Actor Doctor(Guid id) => new(id, Role.Doctor);
    public static Actor Receptionist(Guid id) => new(id, Role.Receptionist);
    public static Actor Admin(Guid id) => new(id, Role.Admin);

    public static Actor Clinician(Guid id, ClinicianKind kind) => new(id, RoleOf(kind));

    public bool IsStaff => Role is Role.Receptionist or Role.Admin;

    /// <summary>A doctor, a nurse or a counsellor: someone who sees patients in their own scheduled time.</summary>
    public bool IsClinician => KindOf(Role) is not null;

    /// <summary>Staff run every clinician's days; a clinician runs only their own.</summary>
    public bool MayManageDaysOf(Guid clinicianId) => IsStaff || Role == Role.System || (IsClinician && Id == clinicianId);

    public static Role RoleOf(ClinicianKind kind) => kind switch
    {
        ClinicianKind.Nurse => Role.Nurse,
        ClinicianKind.Counsellor => Role.Counsellor,
        _ => Role.Doctor,
    };

    public static ClinicianKind? KindOf(Role role) => role switch
    {
        Role.Doctor => ClinicianKind.Doctor,
        Role.Nurse => ClinicianKind.Nurse,
        Role.Counsellor => ClinicianKind.Counsellor,
        _ => null,
    };

    /// <summary>How the log records who caused an event.</summary>
    public string Name => Role != Role.System ? Id.ToString() : Id == Timers.Id ? "system:timers" : Id == Waitlist.Id ? "system:waitlist" : "system:quota-policy";
}
