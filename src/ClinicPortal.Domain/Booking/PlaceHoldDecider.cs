using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Booking;

public sealed class PlaceHoldDecider : IDecider<PlaceHold, AppointmentToBook, HoldPlaced>
{
    /// <summary>One at a time: a person confirms one time, and many holds at once are only good for keeping time from others.</summary>
    public const int MaxPendingPerPatient = 1;

    /// <summary>The booking's facts, and every hold of the patient's (pending ones, and those let go, for the limits).</summary>
    public static Query QueryFor(PlaceHold command) =>
        BookSlotsDecider.QueryFor(command.AsAppointment).Or(Query.Tagged(Tag.PatientHolds(command.PatientId)));

    public static AppointmentToBook Initial(PlaceHold command) => BookSlotsDecider.Initial(command.AsAppointment);

    public static AppointmentToBook Evolve(AppointmentToBook state, IClinicEvent @event) => BookSlotsDecider.Evolve(state, @event);

    public static Checked<IReadOnlyList<HoldPlaced>> Decide(PlaceHold command, AppointmentToBook state)
    {
        if (command.ExpiresAt <= command.Now)
            return Rejection.HoldExpired;
        // Judged as a booking of the slots would be, now: the hold is only worth having if confirming it could succeed.
        var booking = BookSlotsDecider.Decide(command.AsAppointment, state);
        if (!booking.IsAccepted)
            return booking.Rejection!.Value;
        var visit = booking.Value!.Single();
        var (now, limits) = (command.Now, command.Limits ?? HoldLimits.Default);
        var mine = state.Holds.Values;
        var (start, end) = (visit.Slots.Min(s => s.StartUtc), visit.Slots.Max(s => s.EndUtc));
        if (mine.Any(hold => hold.KeepsAt(now) && hold.Overlaps(start, end)))
            return Rejection.HoldOverlapsOwnHold;
        if (mine.Count(hold => hold.KeepsAt(now)) >= MaxPendingPerPatient)
            return Rejection.TooManyHolds;
        var clinicians = visit.Clinicians.ToHashSet();
        if (mine.Any(hold => hold.LetGoAt(now) is { } letGo && now < letGo + limits.CoolDown && hold.Clinicians.Any(clinicians.Contains)))
            return Rejection.HoldCoolingDown;
        if (mine.Count(hold => hold.Date == visit.Date && hold.Status != HoldStatus.Confirmed) >= limits.MaxPerDay)
            return Rejection.TooManyHoldsThatDay;
        return new[]
        {
            new HoldPlaced(command.HoldId, command.PatientId, visit.ClinicianId, visit.Date, visit.Slots, visit.VisitType, command.ExpiresAt, command.By.Name,
                visit.Parts, visit.RoomId),
        };
    }
}
