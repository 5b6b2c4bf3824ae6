using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Book a visit type for a patient: its run of adjacent slots of one clinician who gives it, all or nothing.
/// Without <paramref name="VisitTypeId"/> it is today's single or double slot: one slot is a Consultation, two a Long
/// consultation. <paramref name="Date"/> is the slots' practice date as the caller found it: the decision then reads
/// only the patient's bookings of that month, not their whole history (and refuses if a slot is of another month).
/// Without it, it reads them all. <paramref name="KindOf"/> says each clinician's kind (from the accounts; a kind
/// never changes), for visit types given by a kind; without it every clinician is a doctor, as before there were others.
/// <paramref name="RoomOf"/> says what each room is (from the rooms read model), for visit types that need a room
/// feature; without it no room has any. <paramref name="OverrideReason"/>: staff book it even over a clash, for this
/// reason: the clinician's other appointment at that time (the slots are then held by both), the patient's other
/// appointment then, or another appointment in the room then (the clash goes on the conflicts desk). <paramref name="RoomId"/> is the slots' room as the caller found it: with <paramref name="Date"/>, the
/// decision reads that room's appointments of the day (and refuses if the slots turn out to be in another room).
/// <paramref name="HoldId"/>: the booking confirms that hold of the patient's, of these slots, before it runs out (every
/// booking rule judged again); the booking is logged naming it, which ends it. <paramref name="Window"/>: how far ahead
/// patients may book (none: any time ahead, as before the practice set one). <paramref name="Accounts"/>: what the
/// accounts say of the patient and the slots' clinicians (none: a patient's active account, clinicians taking bookings).
/// </summary>
public sealed record BookSlots(
    Guid BookingId, Guid PatientId, IReadOnlyList<Guid> SlotIds, Actor By, DateTimeOffset Now, DateOnly? Date = null,
    Guid? VisitTypeId = null, string? Reason = null, Func<Guid, ClinicianKind?>? KindOf = null, Func<Guid, Room?>? RoomOf = null,
    string? OverrideReason = null, Guid? RoomId = null, Guid? HoldId = null, Policies.BookingWindow? Window = null,
    AccountFacts? Accounts = null) : ICommand<BookSlots, BookSlotsDecider, BookingRequest, SlotsBooked>
{
    /// <summary>The visit type decided on: the one named, or the one today's single or double slot stands for.</summary>
    public Guid VisitType => VisitTypeId ?? VisitTypes.VisitType.ForSlotCount(SlotIds.Count);
}

/// <summary>
/// What the accounts (kept beside the log, not in it) say of the people a booking names, as the handler found them just
/// before deciding: whether the patient's account is a patient's (<paramref name="IsPatient"/>) and not deactivated by
/// staff (<paramref name="PatientIsActive"/>), and whether staff have deactivated any of the clinicians whose slots it
/// names (<paramref name="ClinicianDeactivated"/>: they take no new bookings from that moment, and a clinician
/// deactivated before deactivation was logged has no event to find).
/// </summary>
public sealed record AccountFacts(bool IsPatient = true, bool PatientIsActive = true, bool ClinicianDeactivated = false)
{
    /// <summary>A patient's active account, and clinicians taking bookings.</summary>
    public static readonly AccountFacts Active = new();
}

/// <summary>
/// A slot as a booking decision sees it: <paramref name="Holders"/> are the bookings holding it (more than one when staff
/// booked over the clinician's clash with a reason).
/// </summary>
public sealed record SlotForBooking(
    Guid SlotId, Guid DoctorId, DateOnly Date, DateTimeOffset StartUtc, bool Gone, bool DayCancelled, ImmutableList<Guid> Holders,
    bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null, Guid? RoomId = null, Guid? HoldId = null, DateTimeOffset HeldUntil = default)
{
    /// <summary>Whether a hold other than <paramref name="own"/> keeps it at <paramref name="now"/> (a hold past its time keeps nothing, logged expired or not yet).</summary>
    public bool HeldAt(DateTimeOffset now, Guid? own) => HoldId is { } hold && hold != own && now < HeldUntil;

    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;

    /// <summary>Whether a booking other than <paramref name="booking"/> holds the slot.</summary>
    public bool HeldByOtherThan(Guid? booking) => Holders.Any(holder => holder != booking);

    public SlotForBooking HeldBy(Guid booking) => Holders.Contains(booking) ? this : this with { Holders = Holders.Add(booking) };

    public SlotForBooking FreedOf(Guid booking) => this with { Holders = Holders.Remove(booking) };

    /// <summary>Whether this slot may be part of a booking of <paramref name="visitType"/> by <paramref name="by"/>.</summary>
    public bool Allows(Guid visitType, Actor by) => VisitType.SlotOpenTo(visitType, by.Role == Role.Patient, StaffOnly, OnlyFor);
}

/// <summary>
/// A visit's new time as the rules accepted it: its slots by start (every part's), and its parts when it has several
/// clinicians (the first part's clinician leads: the booking's clinician in the log), the room it takes place in, and
/// whether it breaks a clash staff overrode (the clinician's or the patient's other appointment, or another appointment in the room).
/// </summary>
public sealed record Run(IReadOnlyList<SlotForBooking> Slots, IReadOnlyList<BookedPart>? Parts, Guid? RoomId = null, Clash Overrides = Clash.None)
{
    public bool Clashes => Overrides != Clash.None;

    /// <summary>What the event logs of the clashes: which, when staff booked over any (none: null).</summary>
    public Clash? Overrode => Clashes ? Overrides : null;

    public Guid ClinicianId => Parts?[0].ClinicianId ?? Slots[0].DoctorId;
    public DateOnly Date => Slots[0].Date;
    public IReadOnlyList<ScheduledSlot> Scheduled { get; } = Slots.Select(s => new ScheduledSlot(s.SlotId, s.StartUtc)).ToArray();
    public DateTimeOffset StartUtc => Slots[0].StartUtc;
    public DateTimeOffset EndUtc => Slots.Max(s => s.EndUtc);
}

/// <summary>The span of a room an appointment holds: from its first part's start to its last part's end.</summary>
public sealed record RoomSpan(Guid RoomId, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    public bool Overlaps(Guid roomId, DateTimeOffset start, DateTimeOffset end) => RoomId == roomId && StartUtc < end && start < EndUtc;

    /// <summary>The room time of an appointment in <paramref name="roomId"/> (none: null) over these slots.</summary>
    public static RoomSpan? Of(Guid? roomId, IReadOnlyList<ScheduledSlot> slots) =>
        roomId is { } room && slots.Count > 0 ? new(room, slots.Min(s => s.StartUtc), slots.Max(s => s.EndUtc)) : null;
}

/// <summary>A live booking of the patient: its practice day and its slots.</summary>
public sealed record HeldSlots(DateOnly Date, IReadOnlyList<ScheduledSlot> Slots);

/// <summary>
/// What a booking decision knows: the chosen slots, the patient's live bookings (to keep them from overlapping
/// and within the month's limit), and the live appointments in the room named that day (to keep the room to one at a time).
/// </summary>
public sealed record BookingRequest(
    Guid PatientId,
    ImmutableDictionary<Guid, SlotForBooking> Slots,
    ImmutableDictionary<Guid, HeldSlots> PatientBookings,
    VisitType? VisitType = null,
    ImmutableDictionary<Guid, RoomSpan>? RoomBookings = null,
    ImmutableDictionary<Guid, HoldState>? PatientHolds = null)
{
    public ImmutableDictionary<Guid, RoomSpan> InRooms => RoomBookings ?? ImmutableDictionary<Guid, RoomSpan>.Empty;

    /// <summary>The patient's holds the decision read (the one it confirms, or every one when placing a hold), by id.</summary>
    public ImmutableDictionary<Guid, HoldState> Holds => PatientHolds ?? ImmutableDictionary<Guid, HoldState>.Empty;
}

public sealed class BookSlotsDecider : IDecider<BookSlots, BookingRequest, SlotsBooked>
{
    public const int MaxSlotsPerBooking = 2;

    internal static readonly string[] PatientBookingEvents =
        [EventTypes.NameOf<SlotsBooked>(), EventTypes.NameOf<BookingCancelled>(), EventTypes.NameOf<DayCancelled>(), EventTypes.NameOf<BookingMoved>()];

    /// <summary>The chosen slots, the patient's month (or history), the visit type's definition, and the room's appointments that day.</summary>
    public static Query QueryFor(BookSlots command)
    {
        var query = Query.TaggedAny(command.SlotIds.Distinct().Select(Tag.Slot))
            .Or(new Query([new QueryItem(PatientBookingEvents,
                [command.Date is { } date ? Tag.PatientMonth(command.PatientId, date) : Tag.Patient(command.PatientId)])]))
            .Or(new Query([new QueryItem([EventTypes.NameOf<VisitTypeDefined>()], [Tag.VisitType(command.VisitType)])]));
        if (command.HoldId is { } hold)
            query = query.Or(Query.Tagged(Tag.Hold(hold)));
        return command is { RoomId: { } room, Date: { } day }
            ? query.Or(new Query([new QueryItem(PatientBookingEvents, [Tag.RoomDay(room, day)])]))
            : query;
    }

    public static BookingRequest Initial(BookSlots command) =>
        new(command.PatientId, ImmutableDictionary<Guid, SlotForBooking>.Empty, ImmutableDictionary<Guid, HeldSlots>.Empty,
            VisitType.BuiltIn.FirstOrDefault(t => t.Id == command.VisitType));

    public static BookingRequest Evolve(BookingRequest state, IClinicEvent @event) => @event switch
    {
        DayScheduled e => state with
        {
            Slots = state.Slots.SetItems(e.Slots.Select(s => KeyValuePair.Create(s.SlotId,
                new SlotForBooking(s.SlotId, e.DoctorId, e.Date, s.StartUtc, false, false, [], e.StaffOnly, e.OnlyFor, e.RoomId)))),
        },
        VisitTypeDefined e => state with { VisitType = VisitType.From(e) },
        SlotsRemoved e => state with { Slots = Update(state.Slots, e.SlotIds, slot => slot with { Gone = true }) },
        HoldPlaced e => state with
        {
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot with { HoldId = e.HoldId, HeldUntil = e.ExpiresAt }),
            PatientHolds = e.PatientId == state.PatientId ? state.Holds.SetItem(e.HoldId, HoldState.Of(e)) : state.PatientHolds,
        },
        HoldReleased e => Ended(state, e.HoldId, e.Slots, HoldStatus.Released, e.At),
        HoldExpired e => Ended(state, e.HoldId, e.Slots, HoldStatus.Expired),
        SlotsBooked { HoldId: { } hold } e => Evolve(Ended(state, hold, e.Slots, HoldStatus.Confirmed), e with { HoldId = null }),
        SlotsBooked e => state with
        {
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot.HeldBy(e.BookingId)),
            PatientBookings = e.PatientId == state.PatientId ? state.PatientBookings.SetItem(e.BookingId, new HeldSlots(e.Date, e.Slots)) : state.PatientBookings,
            RoomBookings = InRoom(state, e.BookingId, RoomSpan.Of(e.RoomId, e.Slots)),
        },
        BookingCancelled e => state with
        {
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot.FreedOf(e.BookingId)),
            PatientBookings = state.PatientBookings.Remove(e.BookingId),
            RoomBookings = state.InRooms.Remove(e.BookingId),
        },
        BookingMoved e => state with
        {
            Slots = Update(Update(state.Slots, e.FromSlots.Select(s => s.SlotId), slot => slot.FreedOf(e.BookingId)),
                e.ToSlots.Select(s => s.SlotId), slot => slot.HeldBy(e.BookingId)),
            PatientBookings = e.PatientId == state.PatientId ? state.PatientBookings.SetItem(e.BookingId, new HeldSlots(e.ToDate, e.ToSlots)) : state.PatientBookings,
            RoomBookings = InRoom(state, e.BookingId, RoomSpan.Of(e.ToRoomId, e.ToSlots)),
        },
        // The day's slots are gone; the other clinicians' slots of an appointment that fell with it are free.
        DayCancelled e => state with
        {
            Slots = Update(
                e.CancelledBookings.Aggregate(state.Slots, (slots, b) => Update(slots, b.Slots.Select(s => s.SlotId), slot => slot.FreedOf(b.BookingId))),
                e.SlotIds, slot => slot with { DayCancelled = true, Holders = [] }),
            PatientBookings = state.PatientBookings.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)),
            RoomBookings = state.InRooms.RemoveRange(e.CancelledBookings.Select(b => b.BookingId)),
        },
        _ => state,
    };

    /// <summary>A hold ended: its slots are no longer kept by it, and the patient's hold is no longer pending.</summary>
    private static BookingRequest Ended(
        BookingRequest state, Guid holdId, IReadOnlyList<ScheduledSlot> slots, HoldStatus status, DateTimeOffset? releasedAt = null) => state with
    {
        Slots = Update(state.Slots, slots.Select(s => s.SlotId), slot => slot.HoldId == holdId ? slot with { HoldId = null, HeldUntil = default } : slot),
        PatientHolds = state.Holds.TryGetValue(holdId, out var hold)
            ? state.Holds.SetItem(holdId, hold with { Status = status, ReleasedAt = releasedAt })
            : state.PatientHolds,
    };

    /// <summary>The room appointments with this one holding <paramref name="time"/> (none: it holds no room now).</summary>
    private static ImmutableDictionary<Guid, RoomSpan> InRoom(BookingRequest state, Guid bookingId, RoomSpan? time) =>
        time is null ? state.InRooms.Remove(bookingId) : state.InRooms.SetItem(bookingId, time);

    public static Checked<IReadOnlyList<SlotsBooked>> Decide(BookSlots command, BookingRequest state)
    {
        // Staff book for a patient on the phone; nobody else can hold a booking (a doctor, the owner, staff themselves),
        // nor a patient whose account staff have deactivated; nor does a deactivated clinician take new bookings.
        var accounts = command.Accounts ?? AccountFacts.Active;
        if (!accounts.IsPatient && command.By.IsStaff)
            return Rejection.NotAPatient;
        if (accounts is { IsPatient: true, PatientIsActive: false })
            return Rejection.PatientDeactivated;
        if (accounts.ClinicianDeactivated)
            return Rejection.ClinicianNotTakingBookings;
        if (command.By.Role == Role.Patient && command.By.Id != command.PatientId)
            return Rejection.NotAllowed;
        if (command.By.IsClinician)
            return Rejection.NotAllowed;
        if (command.SlotIds.Count == 0)
            return Rejection.NoSlotsChosen;
        if (state.VisitType is not { } visitType)
            return Rejection.VisitTypeNotFound;
        if (command.By.Role == Role.Patient && !visitType.BookableOnline)
            return Rejection.ServiceNotBookableOnline;
        // Today's single and double slot keep their contract; a visit type takes exactly its length.
        if (command.VisitTypeId is null ? command.SlotIds.Count > MaxSlotsPerBooking : command.SlotIds.Count != visitType.ClinicianSlots)
            return command.VisitTypeId is null ? Rejection.TooManySlotsInOneBooking : Rejection.SlotsNotFreeForService;
        if (command.SlotIds.Distinct().Count() != command.SlotIds.Count)
            return Rejection.SlotsNotAdjacent;
        var reason = string.IsNullOrWhiteSpace(command.Reason) ? null : command.Reason.Trim();
        if (reason?.Length > VisitType.MaxReasonLength)
            return Rejection.ReasonTooLong;
        var overriding = Override.Check(command.OverrideReason, command.By);
        if (!overriding.IsAccepted)
            return overriding.Rejection!.Value;
        if (command.HoldId is { } holdId)
        {
            // Confirming: the patient's hold of exactly these slots, still pending and not run out.
            if (!state.Holds.TryGetValue(holdId, out var hold) || hold.PatientId != command.PatientId)
                return Rejection.HoldNotFound;
            if (hold.Status != HoldStatus.Pending)
                return hold.Status == HoldStatus.Expired ? Rejection.HoldExpired : Rejection.HoldNotPending;
            if (command.Now >= hold.ExpiresAt)
                return Rejection.HoldExpired;
            if (!hold.SlotIds.Order().SequenceEqual(command.SlotIds.Order()))
                return Rejection.Conflict;
        }

        var run = FreeRun(command.SlotIds, state, visitType, command.By, command.Now, command.Date, command.KindOf, command.RoomOf,
            movingBooking: null, overriding.Value is not null, command.RoomId, command.HoldId);
        if (!run.IsAccepted)
            return run.Rejection!.Value;
        var visit = run.Value!;
        if (command.Window?.ForBooking(command.By, visit.StartUtc, command.Now) is { } outside)
            return outside;

        return new SlotsBooked[]
        {
            new SlotsBooked(command.BookingId, command.PatientId, visit.ClinicianId, visit.Date, visit.Scheduled, command.By.Name, visitType.Id, reason,
                visit.Clashes ? overriding.Value : null, visit.Parts, visit.RoomId, command.HoldId, visit.Overrode),
        };
    }

    /// <summary>Whether the run overlaps another live booking of the patient (not <paramref name="movingBooking"/>, the one moving).</summary>
    private static bool PatientClashes(BookingRequest state, IReadOnlyList<SlotForBooking> slots, Guid? movingBooking)
    {
        var start = slots.Min(s => s.StartUtc);
        var end = slots.Max(s => s.EndUtc);
        return state.PatientBookings.Where(held => held.Key != movingBooking)
            .SelectMany(held => held.Value.Slots).Any(held => held.StartUtc < end && start < held.EndUtc);
    }

    /// <summary>
    /// The rules every new time of a visit obeys, for a booking and for a move (<paramref name="movingBooking"/>: the
    /// booking being moved, whose own slots and month count do not stand in its way): the slots exist, are of one day and
    /// not started, and are one clinician's run without a gap (or, for a visit of several clinicians, one run per part, of a
    /// clinician of the part's kind, at the part's offset from the visit's start), in one room or none, open to the visit
    /// type and to who books, given by the clinician, in a room with the feature the visit needs, not held by another
    /// booking (the clinician's other appointment then); no other appointment is in the room meanwhile, from the visit's start to its end, nor does the patient
    /// have one then (unless staff override these clashes: <paramref name="clashAllowed"/>), and the patient does not go
    /// over the month's limit. The run by start, its parts and room, and whether it breaks a clash.
    /// <paramref name="namedRoom"/>: the room whose appointments the caller had read (with <paramref name="namedDate"/>).
    /// </summary>
    internal static Checked<Run> FreeRun(
        IReadOnlyList<Guid> slotIds, BookingRequest state, VisitType visitType, Actor by, DateTimeOffset now, DateOnly? namedDate,
        Func<Guid, ClinicianKind?>? kindOf, Func<Guid, Room?>? roomOf, Guid? movingBooking, bool clashAllowed = false, Guid? namedRoom = null,
        Guid? ownHold = null, Guid? keptRoom = null)
    {
        var slots = new List<SlotForBooking>();
        foreach (var slotId in slotIds)
        {
            if (!state.Slots.TryGetValue(slotId, out var slot) || slot.Gone)
                return Rejection.SlotNotFound;
            if (slot.DayCancelled)
                return Rejection.DayAlreadyCancelled;
            slots.Add(slot);
        }
        slots.Sort((a, b) => a.StartUtc != b.StartUtc ? a.StartUtc.CompareTo(b.StartUtc) : a.DoctorId.CompareTo(b.DoctorId));

        if (slots[0].StartUtc <= now)
            return Rejection.SlotInPast;
        var runs = slots.GroupBy(slot => slot.DoctorId).Select(run => run.ToArray()).ToArray();
        if (!visitType.HasParts && runs.Length > 1)
            return Rejection.SlotsOfDifferentDoctors;
        if (runs.Any(run => run.Zip(run.Skip(1)).Any(pair => pair.First.EndUtc != pair.Second.StartUtc)) || slots.Any(slot => slot.Date != slots[0].Date))
            return Rejection.SlotsNotAdjacent;
        IReadOnlyList<BookedPart>? parts = null;
        if (visitType.HasParts)
        {
            var matched = PartsOf(runs, visitType, slots[0].StartUtc, kindOf);
            if (!matched.IsAccepted)
                return matched.Rejection!.Value;
            parts = matched.Value;
        }
        if (parts is null && !visitType.IsGivenBy(slots[0].DoctorId, kindOf?.Invoke(slots[0].DoctorId)))
            return Rejection.ClinicianDoesNotGiveService;
        // Each clinician's run is in one room (or none), and the visit in one room: the room of whichever part is in one;
        // or the room the visit keeps (<paramref name="keptRoom"/>: staff changing its parts), whatever its parts' blocks' rooms.
        if (slots.Any(slot => !slot.Allows(visitType.Id, by)))
            return Rejection.SlotsNotFreeForService;
        if (keptRoom is null && (runs.Any(run => run.Any(slot => slot.RoomId != run[0].RoomId))
            || slots.Select(slot => slot.RoomId).OfType<Guid>().Distinct().Count() > 1))
            return Rejection.SlotsNotFreeForService;
        var roomId = keptRoom ?? slots.Select(slot => slot.RoomId).FirstOrDefault(id => id is not null);
        if (!visitType.FitsIn(roomId is { } room ? roomOf?.Invoke(room) : null))
            return Rejection.RoomLacksFeature;
        // A clinician sees one patient at a time: only staff giving a reason book someone over another's time with them.
        var clinicianClash = slots.Any(slot => slot.HeldByOtherThan(movingBooking));
        if (!clashAllowed && clinicianClash)
            return Rejection.SlotAlreadyBooked;
        // A time another patient holds while they confirm is theirs until the hold runs out (<paramref name="ownHold"/>: this one's own).
        if (slots.Any(slot => slot.HeldAt(now, ownHold)))
            return Rejection.SlotHeld;

        // The patient's bookings were read for the month the caller named: a slot of another month was not judged.
        if (namedDate is { } named && PracticeTime.MonthOf(slots[0].Date) != PracticeTime.MonthOf(named))
            return Rejection.Conflict;

        // The room is the visit's from its first part's start to its last part's end, though a part may be in no room: the
        // room's appointments were read for the room and day the caller named; a visit in another room was not judged.
        if (roomId is { } visitRoom && namedDate is not null && namedRoom != visitRoom)
            return Rejection.Conflict;
        var (start, end) = (slots[0].StartUtc, slots.Max(s => s.EndUtc));
        var roomClash = roomId is { } inRoom && state.InRooms.Any(held => held.Key != movingBooking && held.Value.Overlaps(inRoom, start, end));
        if (!clashAllowed && roomClash)
            return Rejection.RoomAlreadyBooked;
        var patientClash = PatientClashes(state, slots, movingBooking);
        if (!clashAllowed && patientClash)
            return Rejection.PatientAlreadyBookedAtThatTime;
        var others = state.PatientBookings.Where(held => held.Key != movingBooking).Select(held => held.Value).ToArray();

        // Rule 7, said before booking: the decision reads every live booking of the patient that month. It counts the
        // patient's time, not the clinicians' slots: a visit with a nurse and a doctor for 30 minutes is 3 slots.
        var month = PracticeTime.MonthOf(slots[0].Date);
        var visit = new Run(slots, parts, roomId,
            (clinicianClash ? Clash.Clinician : Clash.None) | (roomClash ? Clash.Room : Clash.None) | (patientClash ? Clash.Patient : Clash.None));
        if (MonthlyQuota.WouldExceed(
                used: others.Where(held => PracticeTime.MonthOf(held.Date) == month).Sum(held => held.Slots.PatientSlots()),
                adding: visit.Scheduled.PatientSlots()))
            return Rejection.MonthlyLimitReached;
        return visit;
    }

    /// <summary>Each of the visit type's parts matched to one clinician's run: of its kind, at its offset, of its length.</summary>
    private static Checked<IReadOnlyList<BookedPart>> PartsOf(
        IReadOnlyList<SlotForBooking[]> runs, VisitType visitType, DateTimeOffset start, Func<Guid, ClinicianKind?>? kindOf)
    {
        if (runs.Count != visitType.Parts!.Count)
            return Rejection.SlotsNotFreeForService;
        var parts = new List<BookedPart>();
        foreach (var part in visitType.Parts)
        {
            var run = runs.FirstOrDefault(run => (kindOf?.Invoke(run[0].DoctorId) ?? ClinicianKind.Doctor) == part.Kind);
            if (run is null)
                return Rejection.ClinicianDoesNotGiveService;
            if (run[0].StartUtc != start + part.OffsetSlots * SlotBlock.SlotLength || run.Length != part.Slots)
                return Rejection.SlotsNotFreeForService;
            parts.Add(new BookedPart(part.Kind, run[0].DoctorId, run.Select(slot => slot.SlotId).ToArray()));
        }
        return parts;
    }

    private static ImmutableDictionary<Guid, SlotForBooking> Update(
        ImmutableDictionary<Guid, SlotForBooking> slots, IEnumerable<Guid> ids, Func<SlotForBooking, SlotForBooking> change) =>
        ids.Aggregate(slots, (all, id) => all.TryGetValue(id, out var slot) ? all.SetItem(id, change(slot)) : all);
}

/// <summary>Staff's reason for booking over a clash: said, short enough, and never a patient's to give.</summary>
public static class Override
{
    public const int MaxReasonLength = 300;

    /// <summary>The reason trimmed (null: no override asked), or why it cannot be used.</summary>
    public static Checked<string?> Check(string? reason, Actor by)
    {
        if (reason is null)
            return Checked<string?>.Accepted(null);
        if (!by.IsStaff)
            return Rejection.NotAllowed;
        if (string.IsNullOrWhiteSpace(reason))
            return Rejection.OverrideReasonRequired;
        if (reason.Trim().Length > MaxReasonLength)
            return Rejection.ReasonTooLong;
        return Checked<string?>.Accepted(reason.Trim());
    }
}
