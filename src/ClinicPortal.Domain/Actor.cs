namespace ClinicPortal.Domain;

/// <summary>
/// Who asks for a change: a user of one role (their user id is their patient or clinician id), or the system. A patient's
/// account may hold <see cref="Dependants"/>: patients without a sign-in of their own (a child, a parent cared for) whose
/// appointments the account holder books, moves and cancels.
/// </summary>
public sealed record Actor(Guid Id, Role Role)
{
    /// <summary>
    /// The patients this patient's account speaks for besides itself, as the accounts said when the handler asked
    /// (kept beside the log, not in it: the log records <see cref="Name"/>, the account holder, as who did it).
    /// </summary>
    public IReadOnlyCollection<Guid> Dependants { get; init; } = [];

    /// <summary>Whether this patient's account acts for <paramref name="patientId"/>: their own, or a dependant's.</summary>
    public bool SpeaksFor(Guid patientId) => Id == patientId || Dependants.Contains(patientId);

    /// <summary>A patient acting for someone else than themselves and their dependants (staff act for any patient).</summary>
    public bool IsOtherPatientThan(Guid patientId) => Role == Role.Patient && !SpeaksFor(patientId);

    /// <summary>An actor is who they are (their id and role), whatever the accounts said of their dependants when asked.</summary>
    public bool Equals(Actor? other) => other is not null && Id == other.Id && Role == other.Role;

    public override int GetHashCode() => HashCode.Combine(Id, Role);

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
