using System.Collections.Immutable;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Policies;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Domain.Booking;

public sealed class BookSlotsDecider : IDecider<BookSlots, AppointmentToBook, SlotsBooked>
{
    public const int MaxSlotsPerAppointment = 2;

    internal static readonly string[] PatientAppointmentEvents =
        [EventTypes.NameOf<SlotsBooked>(), EventTypes.NameOf<AppointmentCancelled>(), EventTypes.NameOf<DayCancelled>(), EventTypes.NameOf<AppointmentMoved>()];

    /// <summary>The chosen slots, the patient's month (or history), the visit type's definition, and the room's appointments that day.</summary>
    public static Query QueryFor(BookSlots command)
    {
        var query = Query.TaggedAny(command.SlotIds.Distinct().Select(Tag.Slot))
            .Or(new Query([new QueryItem(PatientAppointmentEvents,
                [command.Date is { } date ? Tag.PatientMonth(command.PatientId, date) : Tag.Patient(command.PatientId)])]))
            .Or(new Query([new QueryItem([EventTypes.NameOf<VisitTypeDefined>()], [Tag.VisitType(command.VisitType)])]));
        if (command.HoldId is { } hold)
            query = query.Or(Query.Tagged(Tag.Hold(hold)));
        return command is { RoomId: { } room, Date: { } day }
            ? query.Or(new Query([new QueryItem(PatientAppointmentEvents, [Tag.RoomDay(room, day)])]))
            : query;
    }

    public static AppointmentToBook Initial(BookSlots command) =>
        new(command.PatientId, ImmutableDictionary<Guid, SlotForAppointment>.Empty, ImmutableDictionary<Guid, HeldSlots>.Empty,
            VisitType.BuiltIn.FirstOrDefault(t => t.Id == command.VisitType));

    public static AppointmentToBook Evolve(AppointmentToBook state, IClinicEvent @event) => @event switch
    {
        DayScheduled e => state with
        {
            Slots = state.Slots.SetItems(e.Slots.Select(s => KeyValuePair.Create(s.SlotId,
                new SlotForAppointment(s.SlotId, e.ClinicianId, e.Date, s.StartUtc, false, false, [], e.StaffOnly, e.OnlyFor, e.RoomId)))),
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
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot.HeldBy(e.AppointmentId)),
            PatientAppointments = e.PatientId == state.PatientId ? state.PatientAppointments.SetItem(e.AppointmentId, new HeldSlots(e.Date, e.Slots)) : state.PatientAppointments,
            RoomAppointments = InRoom(state, e.AppointmentId, RoomSpan.Of(e.RoomId, e.Slots)),
        },
        AppointmentCancelled e => state with
        {
            Slots = Update(state.Slots, e.Slots.Select(s => s.SlotId), slot => slot.FreedOf(e.AppointmentId)),
            PatientAppointments = state.PatientAppointments.Remove(e.AppointmentId),
            RoomAppointments = state.InRooms.Remove(e.AppointmentId),
        },
        AppointmentMoved e => state with
        {
            Slots = Update(Update(state.Slots, e.FromSlots.Select(s => s.SlotId), slot => slot.FreedOf(e.AppointmentId)),
                e.ToSlots.Select(s => s.SlotId), slot => slot.HeldBy(e.AppointmentId)),
            PatientAppointments = e.PatientId == state.PatientId ? state.PatientAppointments.SetItem(e.AppointmentId, new HeldSlots(e.ToDate, e.ToSlots)) : state.PatientAppointments,
            RoomAppointments = InRoom(state, e.AppointmentId, RoomSpan.Of(e.ToRoomId, e.ToSlots)),
        },
        // The day's slots are gone; the other clinicians' slots of an appointment that fell with it are free.
        DayCancelled e => state with
        {
            Slots = Update(
                e.CancelledAppointments.Aggregate(state.Slots, (slots, b) => Update(slots, b.Slots.Select(s => s.SlotId), slot => slot.FreedOf(b.AppointmentId))),
                e.SlotIds, slot => slot with { DayCancelled = true, Holders = [] }),
            PatientAppointments = state.PatientAppointments.RemoveRange(e.CancelledAppointments.Select(b => b.AppointmentId)),
            RoomAppointments = state.InRooms.RemoveRange(e.CancelledAppointments.Select(b => b.AppointmentId)),
        },
        _ => state,
    };

    /// <summary>A hold ended: its slots are no longer kept by it, and the patient's hold is no longer pending.</summary>
    private static AppointmentToBook Ended(
        AppointmentToBook state, Guid holdId, IReadOnlyList<ScheduledSlot> slots, HoldStatus status, DateTimeOffset? releasedAt = null) => state with
    {
        Slots = Update(state.Slots, slots.Select(s => s.SlotId), slot => slot.HoldId == holdId ? slot with { HoldId = null, HeldUntil = default } : slot),
        PatientHolds = state.Holds.TryGetValue(holdId, out var hold)
            ? state.Holds.SetItem(holdId, hold with { Status = status, ReleasedAt = releasedAt })
            : state.PatientHolds,
    };

    /// <summary>The room appointments with this one holding <paramref name="time"/> (none: it holds no room now).</summary>
    private static ImmutableDictionary<Guid, RoomSpan> InRoom(AppointmentToBook state, Guid bookingId, RoomSpan? time) =>
        time is null ? state.InRooms.Remove(bookingId) : state.InRooms.SetItem(bookingId, time);

    public static Checked<IReadOnlyList<SlotsBooked>> Decide(BookSlots command, AppointmentToBook state)
    {
        // Staff book for a patient on the phone; nobody else can hold a booking (a clinician, the owner, staff themselves),
        // nor a patient whose account staff have deactivated; nor does a deactivated clinician take new bookings.
        var accounts = command.Accounts ?? AccountFacts.Active;
        if (!accounts.IsPatient && command.By.IsStaff)
            return Rejection.NotAPatient;
        if (accounts is { IsPatient: true, PatientIsActive: false })
            return Rejection.PatientDeactivated;
        if (accounts.ClinicianDeactivated)
            return Rejection.ClinicianNotTakingBookings;
        if (command.By.IsOtherPatientThan(command.PatientId))
            return Rejection.NotAllowed;
        if (command.By.IsClinician)
            return Rejection.NotAllowed;
        if (command.SlotIds.Count == 0)
            return Rejection.NoSlotsChosen;
        if (state.VisitType is not { } visitType)
            return Rejection.VisitTypeNotFound;
        if (command.By.Role == Role.Patient && !visitType.BookableOnline)
            return Rejection.VisitTypeNotBookableOnline;
        // Today's single and double slot keep their contract; a visit type takes exactly its length.
        if (command.VisitTypeId is null ? command.SlotIds.Count > MaxSlotsPerAppointment : command.SlotIds.Count != visitType.ClinicianSlots)
            return command.VisitTypeId is null ? Rejection.TooManySlotsInOneAppointment : Rejection.SlotsNotFreeForVisitType;
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
        if (command.Window?.ForAppointment(command.By, visit.StartUtc, command.Now) is { } outside)
            return outside;

        return new SlotsBooked[]
        {
            new SlotsBooked(command.AppointmentId, command.PatientId, visit.ClinicianId, visit.Date, visit.Scheduled, command.By.Name, visitType.Id, reason,
                visit.Clashes ? overriding.Value : null, visit.Parts, visit.RoomId, command.HoldId, visit.Overrode),
        };
    }

    /// <summary>Whether the run overlaps another live booking of the patient (not <paramref name="movingBooking"/>, the one moving).</summary>
    private static bool PatientClashes(AppointmentToBook state, IReadOnlyList<SlotForAppointment> slots, Guid? movingBooking)
    {
        var start = slots.Min(s => s.StartUtc);
        var end = slots.Max(s => s.EndUtc);
        return state.PatientAppointments.Where(held => held.Key != movingBooking)
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
        IReadOnlyList<Guid> slotIds, AppointmentToBook state, VisitType visitType, Actor by, DateTimeOffset now, DateOnly? namedDate,
        Func<Guid, ClinicianKind?>? kindOf, Func<Guid, Room?>? roomOf, Guid? movingBooking, bool clashAllowed = false, Guid? namedRoom = null,
        Guid? ownHold = null, Guid? keptRoom = null)
    {
        var slots = new List<SlotForAppointment>();
        foreach (var slotId in slotIds)
        {
            if (!state.Slots.TryGetValue(slotId, out var slot) || slot.Gone)
                return Rejection.SlotNotFound;
            if (slot.DayCancelled)
                return Rejection.DayAlreadyCancelled;
            slots.Add(slot);
        }
        slots.Sort((a, b) => a.StartUtc != b.StartUtc ? a.StartUtc.CompareTo(b.StartUtc) : a.ClinicianId.CompareTo(b.ClinicianId));

        if (slots[0].StartUtc <= now)
            return Rejection.SlotInPast;
        var runs = slots.GroupBy(slot => slot.ClinicianId).Select(run => run.ToArray()).ToArray();
        if (!visitType.HasParts && runs.Length > 1)
            return Rejection.SlotsOfDifferentClinicians;
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
        if (parts is null && !visitType.IsGivenBy(slots[0].ClinicianId, kindOf?.Invoke(slots[0].ClinicianId)))
            return Rejection.ClinicianDoesNotGiveVisitType;
        // Each clinician's run is in one room (or none), and the visit in one room: the room of whichever part is in one;
        // or the room the visit keeps (<paramref name="keptRoom"/>: staff changing its parts), whatever its parts' blocks' rooms.
        if (slots.Any(slot => !slot.Allows(visitType.Id, by)))
            return Rejection.SlotsNotFreeForVisitType;
        if (keptRoom is null && (runs.Any(run => run.Any(slot => slot.RoomId != run[0].RoomId))
            || slots.Select(slot => slot.RoomId).OfType<Guid>().Distinct().Count() > 1))
            return Rejection.SlotsNotFreeForVisitType;
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
        var others = state.PatientAppointments.Where(held => held.Key != movingBooking).Select(held => held.Value).ToArray();

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
        IReadOnlyList<SlotForAppointment[]> runs, VisitType visitType, DateTimeOffset start, Func<Guid, ClinicianKind?>? kindOf)
    {
        if (runs.Count != visitType.Parts!.Count)
            return Rejection.SlotsNotFreeForVisitType;
        var parts = new List<BookedPart>();
        foreach (var part in visitType.Parts)
        {
            var run = runs.FirstOrDefault(run => (kindOf?.Invoke(run[0].ClinicianId) ?? ClinicianKind.Doctor) == part.Kind);
            if (run is null)
                return Rejection.ClinicianDoesNotGiveVisitType;
            if (run[0].StartUtc != start + part.OffsetSlots * SlotBlock.SlotLength || run.Length != part.Slots)
                return Rejection.SlotsNotFreeForVisitType;
            parts.Add(new BookedPart(part.Kind, run[0].ClinicianId, run.Select(slot => slot.SlotId).ToArray()));
        }
        return parts;
    }

    private static ImmutableDictionary<Guid, SlotForAppointment> Update(
        ImmutableDictionary<Guid, SlotForAppointment> slots, IEnumerable<Guid> ids, Func<SlotForAppointment, SlotForAppointment> change) =>
        ids.Aggregate(slots, (all, id) => all.TryGetValue(id, out var slot) ? all.SetItem(id, change(slot)) : all);
}
