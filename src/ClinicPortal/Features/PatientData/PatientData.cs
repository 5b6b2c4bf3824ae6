namespace ClinicPortal.Features.PatientData;

/// <summary>
/// Everything the practice holds about one patient (a subject access request), as they download it: their details, every
/// appointment past and to come with its history, their waits, the emails written to them. Times are the practice's.
/// </summary>
public sealed record PatientData(
    DateTimeOffset MadeAt, string Practice, PatientProfile Profile, IReadOnlyList<AppointmentData> Appointments, IReadOnlyList<WaitData> Waits,
    IReadOnlyList<EmailData> Emails, string SignIns, IReadOnlyList<AccessData> Accesses);

/// <summary>Someone other than the patient opening their details: who, when, and what.</summary>
public sealed record AccessData(DateTimeOffset At, string Who, string What);

/// <summary>The patient's details as their account holds them (a dependant: born when, and who books for them).</summary>
public sealed record PatientProfile(Guid PatientId, string Name, string? Email, string? Phone, bool Active, DateOnly? DateOfBirth, string? BookedForBy);

/// <summary>One appointment: what, with whom, when, where, what became of it, the reason written for it, and its history.</summary>
public sealed record AppointmentData(
    Guid AppointmentId, string VisitType, IReadOnlyList<string> Clinicians, DateTimeOffset Start, DateTimeOffset End, string? Room, string Status,
    string? Reason, IReadOnlyList<HistoryData> History);

/// <summary>A change, when it was logged and what it was.</summary>
public sealed record HistoryData(DateTimeOffset At, string What);

/// <summary>A wait on the waiting list, and what became of it.</summary>
public sealed record WaitData(DateTimeOffset At, string What);

/// <summary>An email the practice wrote to them.</summary>
public sealed record EmailData(DateTimeOffset Created, string Subject, string Status, DateTimeOffset? Sent);
