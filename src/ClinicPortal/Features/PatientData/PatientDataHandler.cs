using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Features.Admin.Audit;

namespace ClinicPortal.Features.PatientData;

/// <summary>
/// Everything the practice holds about a patient, for them (from My account) or for the owner to give them: read from the
/// accounts, the read models and the log (each appointment's history, said as the audit trail says it), the texts about
/// them opened, and the emails written to them. Who may ask is the caller's to check (<see cref="MayRead"/>).
/// </summary>
public sealed class PatientDataHandler(
    IAccounts people, IScheduleQueries schedule, IAuditQueries audit, IVisitTypeQueries visitTypes, IRoomQueries rooms, ISentEmails emails,
    IPracticeClock clock, IAccessLog accessLog)
{
    /// <summary>The most looks at their details an export lists (latest first).</summary>
    public const int MaxAccesses = 1000;

    /// <summary>The most appointments an export lists (latest first): far more than any patient holds.</summary>
    public const int MaxAppointments = 5000;

    /// <summary>A patient their own (and their dependants'); the practice owner anyone's.</summary>
    public static bool MayRead(Actor by, Guid patientId) => by.Role == Role.Admin || (by.Role == Role.Patient && by.SpeaksFor(patientId));

    /// <summary>The patient's data; null for someone who is not a patient.</summary>
    public async Task<PatientData?> ReadAsync(Guid patientId, string practiceName, CancellationToken ct = default)
    {
        if (!(await people.StandingAsync(patientId, ct)).IsPatient || await people.ContactAsync(patientId, ct) is not { } contact)
            return null;
        var link = await people.DependantLinkAsync(patientId, ct);
        var guardian = link is null ? null : await people.ContactAsync(link.GuardianId, ct);
        var profile = new PatientProfile(patientId, contact.Name, contact.Email is { Length: > 0 } email ? email : null, contact.Phone, contact.IsActive,
            link?.DateOfBirth, guardian?.Name);

        var appointments = await schedule.AppointmentsOfPatientAsync(patientId, MaxAppointments, 0, ct);
        var types = (await visitTypes.AllAsync(ct)).ToDictionary(t => t.Id, t => t.Name);
        var roomNames = (await rooms.ByIdAsync(ct)).ToDictionary(r => r.Key, r => r.Value.Name);
        var names = new Dictionary<Guid, string> { [patientId] = contact.Name };
        foreach (var clinician in appointments.SelectMany(a => a.Team).Distinct())
            names[clinician] = (await people.ContactAsync(clinician, ct))?.Name ?? "a clinician no longer listed";
        var text = new AuditText(names, t => Local(t).ToString("HH:mm"), types);
        var history = await audit.ReadAsync(new AuditFilter(PatientId: patientId, Limit: MaxAppointments * 4), ct);
        var byAppointment = history.SelectMany(e => AppointmentsOf(e.Event).Select(id => (Id: id, Event: e))).ToLookup(p => p.Id, p => p.Event);
        var appointmentData = appointments.OrderBy(a => a.StartUtc).Select(a => new AppointmentData(
            a.AppointmentId, types.GetValueOrDefault(a.VisitTypeId, "Visit"), a.Team.Select(id => names.GetValueOrDefault(id, "a clinician")).ToArray(),
            Local(a.StartUtc), Local(a.EndUtc), a.RoomId is { } room ? roomNames.GetValueOrDefault(room) : null, Status(a), a.Reason,
            byAppointment[a.AppointmentId].OrderBy(e => e.Position).Select(e => new HistoryData(Local(e.RecordedAt), text.What(e.Event))).ToArray())).ToArray();

        var waits = (await audit.ReadAsync(new AuditFilter(Tagged: Tag.PatientWaits(patientId), Limit: MaxAppointments), ct))
            .OrderBy(e => e.Position).Select(e => new WaitData(Local(e.RecordedAt), text.What(e.Event))).ToArray();
        var sent = profile.Email is { } address ? await emails.ToAsync(address, ct) : [];
        var accesses = new List<AccessData>();
        foreach (var access in await accessLog.OfAsync(patientId, MaxAccesses, ct))
            accesses.Add(new AccessData(Local(access.At), (await people.ContactAsync(access.ViewerId, ct))?.Name ?? "someone no longer listed", access.What));
        return new PatientData(Local(clock.Now), practiceName, profile, appointmentData, waits,
            sent.Select(m => new EmailData(Local(m.CreatedAt), m.Subject, m.Status, m.SentAt is { } at ? Local(at) : null)).ToArray(),
            "ClinicPortal keeps no history of sign-ins beyond the current session.", accesses);
    }

    private string Status(PatientAppointment appointment) => appointment switch
    {
        { Cancelled: nameof(CancellationReason.Patient) } => "cancelled by the patient",
        { Cancelled: nameof(CancellationReason.Staff) } => "cancelled by the practice",
        { Cancelled: nameof(CancellationReason.QuotaExceeded) } => "cancelled: over the monthly limit",
        { Cancelled: not null } => "cancelled with the clinician's day",
        { VisitOutcome: nameof(VisitOutcome.Arrived) } => "arrived",
        { VisitOutcome: nameof(VisitOutcome.NoShow) } => "did not come",
        _ when appointment.StartUtc > clock.Now => "to come",
        _ => "past",
    };

    private DateTimeOffset Local(DateTimeOffset instant) => Domain.Scheduling.PracticeTime.ToLocal(instant, clock.Zone);

    /// <summary>The appointments an event of the patient's is about (a cancelled day: each of its appointments).</summary>
    private static IEnumerable<Guid> AppointmentsOf(IClinicEvent @event) => @event switch
    {
        SlotsBooked e => [e.AppointmentId],
        AppointmentMoved e => [e.AppointmentId],
        AppointmentCancelled e => [e.AppointmentId],
        VisitMarked e => [e.AppointmentId],
        ReminderSent e => [e.AppointmentId],
        DayCancelled e => e.CancelledAppointments.Select(c => c.AppointmentId),
        _ => [],
    };
}
