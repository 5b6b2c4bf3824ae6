using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;

namespace ClinicPortal.Domain.Booking;

public enum HoldStatus { Pending, Confirmed, Released, Expired }

/// <summary>One hold as the decisions about it see it.</summary>
public sealed record HoldState(
    Guid HoldId, Guid PatientId, Guid DoctorId, DateOnly Date, IReadOnlyList<ScheduledSlot> Slots, DateTimeOffset ExpiresAt, HoldStatus Status,
    IReadOnlyList<BookedPart>? Parts = null, Guid? RoomId = null)
{
    public IEnumerable<Guid> SlotIds => Slots.Select(s => s.SlotId);

    /// <summary>Whether it still keeps its slots at <paramref name="now"/>.</summary>
    public bool KeepsAt(DateTimeOffset now) => Status == HoldStatus.Pending && now < ExpiresAt;

    public static HoldState Of(HoldPlaced e) => new(e.HoldId, e.PatientId, e.DoctorId, e.Date, e.Slots, e.ExpiresAt, HoldStatus.Pending, e.Parts, e.RoomId);

    /// <summary>A hold's own events, folded: null until it was placed.</summary>
    public static HoldState? Evolve(HoldState? state, IClinicEvent @event) => @event switch
    {
        HoldPlaced e => Of(e),
        SlotsBooked { HoldId: { } id } when state?.HoldId == id => state with { Status = HoldStatus.Confirmed },
        HoldReleased e when state?.HoldId == e.HoldId => state with { Status = HoldStatus.Released },
        HoldExpired e when state?.HoldId == e.HoldId => state with { Status = HoldStatus.Expired },
        _ => state,
    };
}

/// <summary>
/// Hold a visit's time for the patient while they confirm, until <paramref name="ExpiresAt"/>: every rule a booking of
/// these slots obeys (see <see cref="BookSlots"/>, whose fields these are), no other hold on them, and at most
/// <see cref="PlaceHoldDecider.MaxPendingPerPatient"/> holds of the patient's at once. No override: a hold is a patient's
/// way to book, and staff book over a clash directly.
/// </summary>
public sealed record PlaceHold(
    Guid HoldId, Guid PatientId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateTimeOffset ExpiresAt, DateOnly? Date = null,
    Guid? VisitTypeId = null, Func<Guid, ClinicianKind?>? KindOf = null, Func<Guid, Room?>? RoomOf = null, Guid? RoomId = null,
    Policies.BookingWindow? Window = null) : ICommand
{
    public BookSlots AsBooking => new(HoldId, PatientId, SlotIds, By, Now, Date, VisitTypeId, null, KindOf, RoomOf, null, RoomId, Window: Window);
}

public sealed class PlaceHoldDecider : IDecider<PlaceHold, BookingRequest, HoldPlaced>
{
    public const int MaxPendingPerPatient = 2;

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
        if (state.Holds.Values.Count(hold => hold.KeepsAt(command.Now)) >= MaxPendingPerPatient)
            return Rejection.TooManyHolds;
        var visit = booking.Value!.Single();
        return new[]
        {
            new HoldPlaced(command.HoldId, command.PatientId, visit.DoctorId, visit.Date, visit.Slots, visit.VisitType, command.ExpiresAt, command.By.Name,
                visit.Parts, visit.RoomId),
        };
    }
}

/// <summary>The patient (or staff for them) lets a pending hold go; its slots are free at once.</summary>
public sealed record ReleaseHold(Guid HoldId, Actor By, DateTimeOffset Now) : ICommand;

/// <summary>The practice's clock gives back a hold that ran out unconfirmed (what the timers do at its due time).</summary>
public sealed record ExpireHold(Guid HoldId, Actor By, DateTimeOffset Now) : ICommand;

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
        return new[] { new HoldReleased(hold.HoldId, hold.PatientId, hold.DoctorId, hold.Date, hold.Slots, command.By.Name, hold.Parts, hold.RoomId) };
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
