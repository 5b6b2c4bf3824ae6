using ClinicPortal.Domain;

namespace ClinicPortal.Features.Admin.Audit;

/// <summary>Each event of the log as a sentence the practice owner reads: who did what, to whom, when.</summary>
public sealed class AuditText(
    IReadOnlyDictionary<Guid, string> names, Func<DateTimeOffset, string> time, IReadOnlyDictionary<Guid, string>? visitTypes = null,
    IReadOnlyDictionary<Guid, string>? rooms = null)
{
    public string Who(string causedBy) =>
        Guid.TryParse(causedBy, out var id) ? Name(id)
        : causedBy == Actor.Timers.Name ? "ClinicPortal (on time)"
        : causedBy == Actor.Waitlist.Name ? "ClinicPortal (waiting list)"
        : causedBy.StartsWith("system", StringComparison.Ordinal) ? "ClinicPortal (monthly quota)" : causedBy;

    public string What(IClinicEvent @event) => @event switch
    {
        DayScheduled e => $"Scheduled {Count(e.Slots.Count, "slot")} for {Name(e.ClinicianId)} on {Day(e.Date)}, {Runs(e.Slots)}{Kept(e)}",
        SlotsRemoved e => $"Removed {Count(e.SlotIds.Count, "slot")} from {Name(e.ClinicianId)}'s {Day(e.Date)}{(e.LostParts is { Count: > 0 } lost ? $"; {Count(lost.Count, "visit")} with other clinicians going on without them, on the conflicts desk" : "")}",
        SlotsBooked e => $"Booked {TypeName(e.VisitType, article: "a ")}{Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)} for {Name(e.PatientId)}{Overridden(e.OverrideReason, e.Overrode)}",
        AppointmentCancelled e => $"Cancelled {Name(e.PatientId)}'s booking {Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)} ({Reason(e.Reason)})",
        DayCancelled e => $"Cancelled {Name(e.ClinicianId)}'s day {Day(e.Date)}: \"{e.Reason}\"; {Count(e.CancelledAppointments.Count, "booking")} cancelled{(e.LostParts is { Count: > 0 } lost ? $"; {Count(lost.Count, "visit")} with other clinicians going on without them, on the conflicts desk" : "")}",
        VisitMarked e => $"Marked {Name(e.PatientId)} {(e.Outcome == VisitOutcome.Arrived ? "arrived" : "a no-show")} on {Day(e.Date)} with {Name(e.ClinicianId)}",
        // Staff changed a visit's parts (a clinician kept longer, a nurse added): who sees the patient when, now. (A move
        // keeps the parts' shape, their kinds, offsets and lengths, and a reassignment too.)
        AppointmentMoved { ToParts: { } to } e when e.FromParts is not { } from
            || !Domain.VisitTypes.VisitPart.ShapeOf(from, e.FromSlots).SequenceEqual(Domain.VisitTypes.VisitPart.ShapeOf(to, e.ToSlots)) =>
            $"Changed {Name(e.PatientId)}'s {TypeName(e.VisitTypeId)}booking on {Day(e.ToDate)}: now {Span(e.ToSlots)} with {PartsText(e.ToParts!, e.ToSlots)}{Overridden(e.OverrideReason, e.Overrode)}",
        AppointmentMoved { IsRoomChange: true } e =>
            $"Moved {Name(e.PatientId)}'s {TypeName(e.VisitTypeId)}booking on {Day(e.ToDate)} {Span(e.ToSlots)} with {Names(e.ToClinicians)} from {RoomName(e.FromRoomId)} to {RoomName(e.ToRoomId)}{Overridden(e.OverrideReason, e.Overrode)}",
        AppointmentMoved { IsReassignment: true } e =>
            $"Reassigned {Name(e.PatientId)}'s {TypeName(e.VisitTypeId)}booking on {Day(e.ToDate)} {Span(e.ToSlots)} from {Names(e.FromClinicians.Except(e.ToClinicians))} to {Names(e.ToClinicians.Except(e.FromClinicians))}{Overridden(e.OverrideReason, e.Overrode)}",
        AppointmentMoved e =>
            $"Moved {Name(e.PatientId)}'s {TypeName(e.VisitTypeId)}booking from {Day(e.FromDate)} {Span(e.FromSlots)} with {Names(e.FromClinicians)} to {Day(e.ToDate)} {Span(e.ToSlots)} with {Names(e.ToClinicians)}{Overridden(e.OverrideReason, e.Overrode)}",
        HoldPlaced { WaitId: not null } e =>
            $"Offered {Name(e.PatientId)} {TypeName(e.VisitTypeId, article: "a ")}{Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)} from the waiting list, kept for them until {time(e.ExpiresAt)}",
        HoldPlaced e => $"Held {TypeName(e.VisitTypeId, article: "a ")}{Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)} for {Name(e.PatientId)} while they confirm, until {time(e.ExpiresAt)}",
        HoldReleased e => $"Let go of the time held for {Name(e.PatientId)}, {Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)}",
        HoldExpired e => $"Gave back the time held for {Name(e.PatientId)}, {Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)}: unconfirmed by {time(e.ExpiresAt)}",
        ReminderSent { Skipped: true } e =>
            $"No reminder needed for {Name(e.PatientId)}'s booking {Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)}: it was booked for that time within {Count(e.HoursBefore, "hour")} of it",
        ReminderSent e => $"Reminded {Name(e.PatientId)} by email of their booking {Span(e.Slots)} on {Day(e.Date)} with {Names(e.Clinicians)}, {Count(e.HoursBefore, "hour")} before",
        WaitJoined e =>
            $"Put {Name(e.PatientId)} on the waiting list for {TypeName(e.VisitTypeId, article: "a ")}{(e.ClinicianId is { } c ? $"with {Name(c)} " : "")}on {WaitDays(e.From, e.To)}",
        WaitLeft e => $"Took {Name(e.PatientId)} off the waiting list for {TypeName(e.VisitTypeId, article: "a ")}".TrimEnd(),
        Domain.Conflicts.ClinicianDeactivated e => $"Deactivated {Name(e.ClinicianId)}: their appointments to come went on the conflicts desk",
        PatientErased e => $"Erased {Name(e.PatientId)}: their account's personal details and every text written about them",
        Domain.Conflicts.ClinicianReactivated e => $"Reactivated {Name(e.ClinicianId)}",
        Domain.VisitTypes.VisitTypeDefined e =>
            $"Defined the visit type {e.Name}: {e.Minutes} minutes, {(e.BookableOnline ? "bookable online" : "booked by staff only")}"
            + (e.RoomFeature is { } feature ? $", in a room with {feature}" : ""),
        Domain.Rooms.RoomDefined e =>
            $"Defined the room {e.Name}: {(e.Features.Count == 0 ? "no features" : string.Join(", ", e.Features))}{(e.InUse ? "" : ", out of use")}",
        _ => @event.GetType().Name,
    };

    private string WaitDays(DateOnly from, DateOnly to) => from == to ? Day(from) : $"a day from {Day(from)} to {Day(to)}";

    private string RoomName(Guid? roomId) => roomId is { } room ? rooms?.GetValueOrDefault(room) ?? "a room no longer listed" : "no room";


    /// <summary>A visit type's name and a space, after <paramref name="article"/> ("a "), or nothing when it is not known.</summary>
    private string TypeName(Guid id, string article = "") => visitTypes?.GetValueOrDefault(id) is { } name ? $"{article}{name} " : "";

    private string Kept(DayScheduled e) =>
        (e.StaffOnly ? ", kept for staff to book" : "")
        + (e.OnlyFor is { Count: > 0 } only ? $", only for {string.Join(", ", only.Select(id => visitTypes?.GetValueOrDefault(id) ?? "a visit type"))}" : "")
        + (e.RoomId is { } room ? $", in {RoomName(room)}" : "");

    /// <summary>
    /// Staff's reason for booking over a clash, when they gave one, naming the clash: the clinician's other patient, the
    /// patient's other appointment, another appointment in the room (a booking logged before the log named them: a clash).
    /// </summary>
    private static string Overridden(string? reason, Clash? overrode)
    {
        if (reason is null)
            return "";
        var clashes = new List<string>();
        if (overrode?.HasFlag(Clash.Clinician) == true)
            clashes.Add("the clinician's other patient then");
        if (overrode?.HasFlag(Clash.Patient) == true)
            clashes.Add("the patient's other appointment then");
        if (overrode?.HasFlag(Clash.Room) == true)
            clashes.Add("another appointment in the room then");
        var over = clashes.Count switch
        {
            0 => "a clash",
            1 => clashes[0],
            _ => $"{string.Join(", ", clashes.SkipLast(1))} and {clashes[^1]}",
        };
        return $", over {over} (\"{reason}\")";
    }

    private string Name(Guid id) => names.GetValueOrDefault(id, "someone no longer listed");

    /// <summary>A visit's parts as "Nia Shaw 09:00–09:20 and Dr Ada Hart 09:10–09:40".</summary>
    private string PartsText(IReadOnlyList<BookedPart> parts, IReadOnlyList<ScheduledSlot> slots)
    {
        var byId = slots.ToDictionary(s => s.SlotId);
        return string.Join(" and ", parts.Select(p => $"{Name(p.ClinicianId)} {Span(p.SlotIds.Select(id => byId[id]).OrderBy(s => s.StartUtc).ToArray())}"));
    }

    /// <summary>A visit's clinicians: one, or each of a visit of several ("Nia Shaw and Dr Ada Hart").</summary>
    private string Names(IEnumerable<Guid> ids) => string.Join(" and ", ids.Distinct().Select(Name));
    private static string Day(DateOnly date) => date.ToString("ddd d MMM yyyy");
    private static string Count(int n, string noun) => n == 1 ? $"1 {noun}" : $"{n} {noun}s";
    private string Span(IReadOnlyList<ScheduledSlot> slots) => slots.Count == 0 ? "" : $"{time(slots[0].StartUtc)}–{time(slots[^1].EndUtc)}";

    /// <summary>Each run of back-to-back slots: "09:00–12:00, 14:00–17:00".</summary>
    private string Runs(IReadOnlyList<ScheduledSlot> slots)
    {
        var runs = new List<List<ScheduledSlot>>();
        foreach (var slot in slots.OrderBy(s => s.StartUtc))
        {
            if (runs.Count > 0 && runs[^1][^1].EndUtc == slot.StartUtc)
                runs[^1].Add(slot);
            else
                runs.Add([slot]);
        }
        return string.Join(", ", runs.Select(Span));
    }

    private static string Reason(CancellationReason reason) => reason switch
    {
        CancellationReason.Patient => "by the patient",
        CancellationReason.Staff => "by the practice",
        CancellationReason.QuotaExceeded => "over the monthly limit of 10 slots",
        _ => reason.ToString(),
    };
}
