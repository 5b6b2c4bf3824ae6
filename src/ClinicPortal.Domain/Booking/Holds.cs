using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Booking;

public enum HoldStatus { Pending, Confirmed, Released, Expired }

/// <summary>One hold as the decisions about it see it.</summary>
public sealed record HoldState(
    Guid HoldId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, DateTimeOffset ExpiresAt, HoldStatus Status,
    IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null, DateTimeOffset? ReleasedAt = null)
{
    public IEnumerable<Guid> SlotIds => Slots.Select(s => s.SlotId);

    public IEnumerable<Guid> Clinicians => AppointmentTime.Clinicians(DoctorId, Parts);

    /// <summary>Whether it still keeps its slots at <paramref name="now"/>.</summary>
    public bool KeepsAt(DateTimeOffset now) => Status == HoldStatus.Pending && now < ExpiresAt;

    /// <summary>
    /// When it ended without a booking, as seen at <paramref name="now"/>: let go, or run out (logged expired or not yet).
    /// Null while it keeps its time, once confirmed, and for a release logged before releases said when.
    /// </summary>
    public DateTimeOffset? LetGoAt(DateTimeOffset now) => Status switch
    {
        HoldStatus.Released => ReleasedAt,
        HoldStatus.Expired => ExpiresAt,
        HoldStatus.Pending when now >= ExpiresAt => ExpiresAt,
        _ => null,
    };

    /// <summary>Whether it overlaps the time from <paramref name="start"/> to <paramref name="end"/>.</summary>
    public bool Overlaps(DateTimeOffset start, DateTimeOffset end) =>
        Slots.Count > 0 && Slots.Min(s => s.StartUtc) < end && start < Slots.Max(s => s.EndUtc);

    public static HoldState Of(HoldPlaced e) => new(e.HoldId, e.PatientId, e.DoctorId, e.Date, e.Slots, e.ExpiresAt, HoldStatus.Pending, e.Parts, e.RoomId);

    /// <summary>A hold's own events, folded: null until it was placed.</summary>
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => @event switch
    {
        HoldPlaced e => Of(e),
        SlotsBooked { HoldId: { } id } when state?.HoldId == id => state with { Status = HoldStatus.Confirmed },
        HoldReleased e when state?.HoldId == e.HoldId => state with { Status = HoldStatus.Released, ReleasedAt = e.At },
        HoldExpired e when state?.HoldId == e.HoldId => state with { Status = HoldStatus.Expired },
        _ => state,
    };
}

/// <summary>
/// What keeps holds a way to confirm in peace, and useless for keeping time from others: a patient who let a hold of a
/// clinician's time go, or let it run out, holds none of that clinician's time again for <paramref name="CoolDown"/>; and
/// holds at most <paramref name="MaxPerDay"/> times on one day that did not become bookings (the day the times are on:
/// what someone keeping a day from others would spend).
/// </summary>
public sealed record HoldLimits(int MaxPerDay, TimeSpan CoolDown)
{
    public static HoldLimits Default { get; } = new(6, TimeSpan.FromMinutes(10));
}

/// <summary>
/// Hold a visit's time for the patient while they confirm, until <paramref name="ExpiresAt"/>: every rule a booking of
/// these slots obeys (see <see cref="BookSlots"/>, whose fields these are), no other hold on them, none of the patient's
/// other holds over that time, one hold of the patient's at a time (<see cref="PlaceHoldDecider.MaxPendingPerPatient"/>),
/// and the <paramref name="Limits"/> (none given: <see cref="HoldLimits.Default"/>). No override: a hold is a patient's
/// way to book, and staff book over a clash directly.
/// </summary>
public sealed record PlaceHold(
    Guid HoldId, Guid PatientId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateTimeOffset ExpiresAt, DateOnly? Date = null,
    Guid? VisitTypeId = null, Func<Guid, ClinicianKind?>? KindOf = null, Func<Guid, Room?>? RoomOf = null, Guid? RoomId = null,
    Policies.BookingWindow? Window = null, HoldLimits? Limits = null, AccountFacts? Accounts = null) : ICommand<PlaceHold, PlaceHoldDecider, BookingRequest, HoldPlaced>
{
    public BookSlots AsBooking => new(HoldId, PatientId, SlotIds, By, Now, Date, VisitTypeId, null, KindOf, RoomOf, null, RoomId, Window: Window, Accounts: Accounts);
}

public sealed class PlaceHoldDecider : IDecider<PlaceHold, BookingRequest, HoldPlaced>
{
    /// <summary>One at a time: a person confirms one time, and many holds at once are only good for keeping time from others.</summary>
    public const int MaxPendingPerPatient = 1;

    /// <summary>The booking's facts, and every hold of the patient's (pending ones, and those let go, for the limits).</summary>
    public static Query QueryFor(PlaceHold command) =>
        BookSlotsDecider.QueryFor(command.AsBooking).Or(Query.Tagged(Tag.PatientHolds(command.PatientId)));

    public static BookingRequest Initial(PlaceHold command) => BookSlotsDecider.Initial(command.AsBooking);

    public static BookingRequest Evolve(BookingRequest state, IClinicEvent @event) => BookSlotsDecider.Evolve(state, @event);

    public static Checked<IReadOnlyList<HoldPlaced>> Decide(PlaceHold command, BookingRequest state)
    {
        if (command.ExpiresAt <= command.Now)
            return Rejection.HoldExpired;
        // Judged as a booking of the slots would be, now: the hold is only worth having if confirming it could succeed.
        var booking = BookSlotsDecider.Decide(command.AsBooking, state);
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
            new HoldPlaced(command.HoldId, command.PatientId, visit.DoctorId, visit.Date, visit.Slots, visit.VisitType, command.ExpiresAt, command.By.Name,
                visit.Parts, visit.RoomId),
        };
    }
}

/// <summary>The patient (or staff for them) lets a pending hold go; its slots are free at once.</summary>
public sealed record ReleaseHold(Guid HoldId, Actor By, DateTimeOffset Now) : ICommand<ReleaseHold, ReleaseHoldDecider, HoldState?, HoldReleased>;

/// <summary>The practice's clock gives back a hold that ran out unconfirmed (what the timers do at its due time).</summary>
public sealed record ExpireHold(Guid HoldId, Actor By, DateTimeOffset Now) : ICommand<ExpireHold, ExpireHoldDecider, HoldState?, HoldExpired>;

public sealed class ReleaseHoldDecider : IDecider<ReleaseHold, HoldState?, HoldReleased>
{
    public static Query QueryFor(ReleaseHold command) => Query.Tagged(Tag.Hold(command.HoldId));
    public static HoldState? Initial(ReleaseHold command) => null;
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => HoldState.Evolve(state, @event);

    public static Checked<IReadOnlyList<HoldReleased>> Decide(ReleaseHold command, HoldState? hold)
    {
        if (hold is null || (command.By.Role == Role.Patient && command.By.Id != hold.PatientId) || command.By.IsClinician)
            return Rejection.HoldNotFound;
        if (hold.Status != HoldStatus.Pending || command.Now >= hold.ExpiresAt)
            return Array.Empty<HoldReleased>(); // ended (or ending) already: nothing more to give back
        return new[] { new HoldReleased(hold.HoldId, hold.PatientId, hold.DoctorId, hold.Date, hold.Slots, command.By.Name, hold.Parts, hold.RoomId, command.Now) };
    }
}

public sealed class ExpireHoldDecider : IDecider<ExpireHold, HoldState?, HoldExpired>
{
    public static Query QueryFor(ExpireHold command) => Query.Tagged(Tag.Hold(command.HoldId));
    public static HoldState? Initial(ExpireHold command) => null;
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => HoldState.Evolve(state, @event);

    /// <summary>Once: a hold confirmed, released or expired already gives nothing; one not yet due is left alone.</summary>
    public static Checked<IReadOnlyList<HoldExpired>> Decide(ExpireHold command, HoldState? hold)
    {
        if (command.By.Role != Role.System)
            return Rejection.NotAllowed;
        if (hold is not { Status: HoldStatus.Pending } || command.Now < hold.ExpiresAt)
            return Array.Empty<HoldExpired>();
        return new[] { new HoldExpired(hold.HoldId, hold.PatientId, hold.DoctorId, hold.Date, hold.Slots, hold.ExpiresAt, hold.Parts, hold.RoomId) };
    }
}
