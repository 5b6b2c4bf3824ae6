using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// A series is its occurrences' bookings decided one after another on one state: what each of them reads (its slots, the
/// patient's month, the visit type, the room's day), folded together, and each occurrence booked into it before the next
/// is judged. The decision is all or nothing: a plan that no longer stands (<see cref="Judge"/> refuses one of them) books
/// nothing and says so (<see cref="Rejection.SeriesChanged"/>).
/// </summary>
public sealed class BookSeriesDecider : IDecider<BookSeries, AppointmentToBook, SlotsBooked>
{
    public static Query QueryFor(BookSeries command) =>
        command.Occurrences.Select(BookSlotsDecider.QueryFor).Aggregate(new Query([]), (all, one) => all.Or(one));

    public static AppointmentToBook Initial(BookSeries command) =>
        command.Occurrences.Count > 0 ? BookSlotsDecider.Initial(command.Occurrences[0]) with { PatientId = command.PatientId }
            : BookSlotsDecider.Initial(new BookSlots(Guid.Empty, command.PatientId, [], command.By, command.Now));

    public static AppointmentToBook Evolve(AppointmentToBook state, IClinicEvent @event) => BookSlotsDecider.Evolve(state, @event);

    /// <summary>Each occurrence's decision in order, each judged after those before it were booked (a refused one books nothing).</summary>
    public static IReadOnlyList<Checked<SlotsBooked>> Judge(BookSeries command, AppointmentToBook state)
    {
        var decisions = new List<Checked<SlotsBooked>>();
        foreach (var occurrence in command.Occurrences)
        {
            if (occurrence.PatientId != command.PatientId)
            {
                decisions.Add(Rejection.NotAllowed);
                continue;
            }
            var decided = BookSlotsDecider.Decide(occurrence, state);
            if (!decided.IsAccepted)
            {
                decisions.Add(decided.Rejection!.Value);
                continue;
            }
            var booked = decided.Value!.Single() with { SeriesId = command.SeriesId };
            decisions.Add(booked);
            state = Evolve(state, booked);
        }
        return decisions;
    }

    public static Checked<IReadOnlyList<SlotsBooked>> Decide(BookSeries command, AppointmentToBook state)
    {
        if (command.Occurrences.Count is < 2 or > BookSeries.MaxOccurrences)
            return Rejection.SeriesChanged;
        if (command.Occurrences.Any(o => o.OverrideReason is not null || o.HoldId is not null))
            return Rejection.NotAllowed;
        // Patients book a series themselves only of visit types the owner marked for it.
        if (command.By.Role == Role.Patient && state.VisitType is { PatientsBookSeries: false })
            return Rejection.SeriesNotBookableOnline;
        var decisions = Judge(command, state);
        if (decisions.FirstOrDefault(d => !d.IsAccepted) is { IsAccepted: false } refused)
            return decisions.All(d => !d.IsAccepted && d.Rejection == refused.Rejection) && IsAboutWho(refused.Rejection!.Value)
                ? refused.Rejection!.Value
                : Rejection.SeriesChanged;
        return decisions.Select(d => d.Value!).ToArray();
    }

    /// <summary>A refusal about who asks or for whom (the same for every date), said as itself rather than as a changed plan.</summary>
    private static bool IsAboutWho(Rejection rejection) => rejection is Rejection.NotAPatient or Rejection.PatientDeactivated
        or Rejection.NotAllowed or Rejection.VisitTypeNotBookableOnline or Rejection.VisitTypeNotFound;
}
