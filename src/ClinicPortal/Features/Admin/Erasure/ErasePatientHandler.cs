using ClinicPortal.Application;
using ClinicPortal.Application.Ports;
using ClinicPortal.Application.Queries;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Privacy;
using ClinicPortal.Features.Booking.CancelAppointment;

namespace ClinicPortal.Features.Admin.Erasure;

/// <summary>
/// The practice owner erases a patient: first their appointments still to come are cancelled (each emailed to them, as
/// any cancellation by the practice), then, once those emails have gone, <see cref="PatientErased"/> is logged and their
/// personal data removed (<see cref="IPatientErasure"/>). Their appointments' events stay: the schedule shows "Erased
/// patient …" where they were, and the figures do not change.
/// </summary>
public sealed class ErasePatientHandler(
    CommandExecutor executor, IPracticeClock clock, IAccounts people, IScheduleQueries schedule, CancelAppointmentHandler cancel,
    IPatientErasure erasure, IPersonalText texts, IEventStore store, ICheckpoints checkpoints)
{
    /// <summary>What an erasure would do now: the patient, their appointments still to come, and why it cannot go ahead yet (null: it can).</summary>
    public async Task<ErasurePlan?> PlanAsync(Guid patientId, CancellationToken ct = default) => (await PlanWithHistoryAsync(patientId, ct)).Plan;

    /// <summary>The plan, and the events about the patient it was made from (read once for both).</summary>
    private async Task<(ErasurePlan? Plan, IReadOnlyList<StoredEvent> History)> PlanWithHistoryAsync(Guid patientId, CancellationToken ct)
    {
        if (!(await people.StandingAsync(patientId, ct)).IsPatient || await people.ContactAsync(patientId, ct) is not { } patient)
            return (null, []);
        var toCome = (await schedule.FutureAppointmentsAsync(patientId, clock.Now, ct)).ToArray();
        var booksFor = new List<string>();
        foreach (var dependant in (await people.SpeakingAsync(Actor.Patient(patientId), ct)).Dependants)
            booksFor.Add((await people.ContactAsync(dependant, ct))?.Name ?? "someone");
        // The emails of their last changes (a cancellation's, say) are made and sent before anything is erased.
        var history = (await store.ReadAsync(Query.Tagged(Tag.Patient(patientId)), ct)).Events;
        var last = history.LastOrDefault()?.Position ?? 0;
        var waiting = await checkpoints.GetAsync(Notifications.PatientNotices.Name, ct) < last || await erasure.HasEmailsWaitingAsync(patient.Email, ct);
        var erased = patient.Name == ErasedPatient.NameOf(patientId) && !patient.IsActive && patient.Email.Length == 0;
        return (new ErasurePlan(patient, toCome, booksFor, waiting, erased), history);
    }

    /// <summary>Cancels the patient's appointments still to come, as the practice (each emailed to them); how many were cancelled.</summary>
    public async Task<int> CancelToComeAsync(Guid patientId, Actor by, CancellationToken ct = default)
    {
        if (by.Role != Role.Admin)
            return 0;
        var cancelled = 0;
        foreach (var appointment in await schedule.FutureAppointmentsAsync(patientId, clock.Now, ct))
            if ((await cancel.HandleAsync(appointment.AppointmentId, by, ct)).IsAccepted)
                cancelled++;
        return cancelled;
    }

    /// <summary>Erases the patient; null when done, else why not, in words.</summary>
    public async Task<string?> EraseAsync(Guid patientId, Actor by, CancellationToken ct = default)
    {
        var refused = await EraseLeavingPagesAsync(patientId, by, ct);
        if (refused is null)
            await erasure.CompactAsync(ct);
        return refused;
    }

    /// <summary>
    /// Erases the patient as <see cref="EraseAsync"/> does, except that what was deleted may stay in the database's free
    /// pages until the caller compacts it (<see cref="IPatientErasure.CompactAsync"/>), once for many erasures.
    /// </summary>
    public async Task<string?> EraseLeavingPagesAsync(Guid patientId, Actor by, CancellationToken ct = default)
    {
        if (by.Role != Role.Admin)
            return Shared.RejectionText.For(Rejection.NotAllowed);
        var (found, history) = await PlanWithHistoryAsync(patientId, ct);
        if (found is not { } plan)
            return "There is no such patient.";
        if (plan.Erased)
            return null; // erased already: nothing more to do
        if (plan.BooksFor.Count > 0)
            return $"{plan.Patient.Name} books for {string.Join(", ", plan.BooksFor)}: give them their own accounts, or erase them, first.";
        if (plan.EmailsWaiting)
            return "Emails to the patient are still being sent (their cancellations, say): try again in a minute.";
        // What to find in the outbox, read while the key still opens their texts.
        var traces = new List<string> { plan.Patient.Name, plan.Patient.Email };
        if (plan.Patient.Phone is { } phone)
            traces.Add(phone);
        foreach (var stored in history)
            PersonalText.Map(await texts.OpenAsync(stored.Event, ct), text => { traces.Add(text); return text; });

        var erased = await executor.ExecuteAsync(new ErasePatient(patientId, by, clock.Now), ct);
        if (!erased.IsAccepted)
            return Shared.RejectionText.For(erased.Rejection!.Value);
        await erasure.EraseAsync(patientId, traces, ct);
        return null;
    }
}

/// <summary>
/// An erasure as it stands: the patient, their appointments still to come, the people their account books for, whether
/// emails to them are still waiting to go, and whether they are erased already.
/// </summary>
public sealed record ErasurePlan(AccountContact Patient, IReadOnlyList<PatientAppointment> ToCome, IReadOnlyList<string> BooksFor, bool EmailsWaiting, bool Erased)
{
    public bool CanErase => !Erased && ToCome.Count == 0 && BooksFor.Count == 0 && !EmailsWaiting;
}
