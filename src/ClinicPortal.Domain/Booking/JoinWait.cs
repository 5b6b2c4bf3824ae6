using System.Collections.Immutable;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Put the patient on the waiting list for <paramref name="VisitTypeId"/> (with <paramref name="ClinicianId"/>, or anyone)
/// on a day from <paramref name="From"/> to <paramref name="To"/>: from <paramref name="Today"/> on, and at most
/// <paramref name="MaxDaysAhead"/> ahead (as far as patients book). <paramref name="VisitType"/> is the visit type's
/// definition as the catalogue has it (none: there is no such visit type); a patient waits only for one booked online.
/// </summary>
public sealed record JoinWait(
    Guid WaitId, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, Actor By, DateTimeOffset Now, DateOnly Today,
    int MaxDaysAhead, VisitTypes.VisitType? VisitType) : ICommand<JoinWait, JoinWaitDecider, ImmutableDictionary<Guid, WaitState>, WaitJoined>;
