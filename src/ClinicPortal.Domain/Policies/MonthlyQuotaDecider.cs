using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain.Policies;

/// <summary>
/// Rule 7: a patient holds at most 10 booked slots in one practice month. When they are over, the bookings of that
/// month made last are cancelled (a double booking whole) until they are at 10 or fewer; a visit that has started or
/// been marked is never cancelled (it still counts). Booking refuses what would go over
/// (<see cref="Rejection.MonthlyLimitReached"/>); this decider is the safety net the practice's rule describes, for
/// any path that still ends above the limit.
/// <para>
/// Its query is the patient's booking events, and every cancellation it chooses goes in one conditional append: if
/// the patient (or anyone) changes their bookings meanwhile, it decides again on the new facts, so it never cancels
/// a booking that no longer needs to go.
/// </para>
/// </summary>
public sealed class MonthlyQuotaDecider : IDecider<ApplyMonthlyQuota, PatientAppointments, AppointmentCancelled>
{
    private static readonly string[] AppointmentEvents =
    [
        EventTypes.NameOf<SlotsBooked>(), EventTypes.NameOf<AppointmentCancelled>(),
        EventTypes.NameOf<DayCancelled>(), EventTypes.NameOf<VisitMarked>(), EventTypes.NameOf<AppointmentMoved>(),
    ];

    public static Query QueryFor(ApplyMonthlyQuota command) => new([new QueryItem(AppointmentEvents,
        [command.InMonthOf is { } date ? Tag.PatientMonth(command.PatientId, date) : Tag.Patient(command.PatientId)])]);

    public static PatientAppointments Initial(ApplyMonthlyQuota command) => PatientAppointments.None(command.PatientId);

    public static PatientAppointments Evolve(PatientAppointments state, IClinicEvent @event) => state.Evolve(@event);

    public static Checked<IReadOnlyList<AppointmentCancelled>> Decide(ApplyMonthlyQuota command, PatientAppointments patient)
    {
        var cancellations = new List<AppointmentCancelled>();
        foreach (var month in patient.Held.Values.GroupBy(b => PracticeTime.MonthOf(b.Date)))
        {
            var used = month.Sum(b => b.SlotCount);
            foreach (var latest in month.Where(b => !b.Marked && b.Slots[0].StartUtc > command.Now).OrderByDescending(b => b.Order))
            {
                if (used <= MonthlyQuota.MaxSlotsPerMonth)
                    break;
                cancellations.Add(new AppointmentCancelled(
                    latest.AppointmentId, patient.PatientId, latest.ClinicianId, latest.Date, latest.Slots, CancellationReason.QuotaExceeded, command.By.Name, latest.Parts,
                    latest.RoomId));
                used -= latest.SlotCount;
            }
        }
        return cancellations;
    }
}
