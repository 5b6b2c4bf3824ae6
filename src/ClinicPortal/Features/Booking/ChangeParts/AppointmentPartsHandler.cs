using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Booking.ChangeParts;

/// <summary>
/// Staff change an appointment's parts: one part's start or end or clinician, a part added (a nurse joining a clinician's
/// visit) or removed. Each change is a move of the appointment to the slots its new parts make, the other parts keeping
/// theirs: one conditional append over the old and the new slots (the old time stays the patient's until the new one is
/// secured), with the patient emailed the new time and the calendar entry updated, and the change in the audit trail.
/// </summary>
public sealed class AppointmentPartsHandler(IScheduleQueries schedule, IAccounts people, MoveAppointmentHandler move)
{
    /// <summary>Sets the part of <paramref name="kind"/> (adding it when the appointment has none) to <paramref name="change"/>.</summary>
    public async Task<Checked<AppointmentMoved>> SetAsync(Guid bookingId, ClinicianKind kind, PartChange change, Actor by, CancellationToken ct = default) =>
        await ChangeAsync(bookingId, by, parts => [.. parts.Where(p => p.Kind != kind), (kind, change)], ct);

    /// <summary>Removes the part of <paramref name="kind"/>; the last part cannot go (cancel the appointment instead).</summary>
    public async Task<Checked<AppointmentMoved>> RemoveAsync(Guid bookingId, ClinicianKind kind, Actor by, CancellationToken ct = default) =>
        await ChangeAsync(bookingId, by, parts => parts.Any(p => p.Kind == kind) ? parts.Where(p => p.Kind != kind).ToArray() : null, ct);

    /// <summary>Gives the appointment exactly these parts (the Reception page's "Change parts"), in one append.</summary>
    public async Task<Checked<AppointmentMoved>> ReplaceAsync(
        Guid bookingId, IReadOnlyList<(ClinicianKind Kind, PartChange Part)> parts, Actor by, CancellationToken ct = default) =>
        await ChangeAsync(bookingId, by, _ => parts, ct);

    private async Task<Checked<AppointmentMoved>> ChangeAsync(
        Guid bookingId, Actor by, Func<IReadOnlyList<(ClinicianKind Kind, PartChange Part)>, IReadOnlyList<(ClinicianKind Kind, PartChange Part)>?> change,
        CancellationToken ct)
    {
        var changing = await move.ForStaffAsync(bookingId, by, ct);
        if (!changing.IsAccepted)
            return changing.Rejection!.Value;
        var booking = changing.Value!;
        var kindOf = await people.KindsAsync(ct);
        var current = (await schedule.PartsAsync(bookingId, ct))
            .Select(p => (Kind: p.Kind ?? kindOf(p.ClinicianId) ?? ClinicianKind.Doctor, Part: new PartChange(p.ClinicianId, p.StartUtc, p.EndUtc)))
            .ToArray();
        var wanted = change(current);
        if (wanted is null)
            return Rejection.PartNotFound;
        if (wanted.Count == 0)
            return Rejection.LastPart;
        if (wanted.Any(p => p.Part.EndUtc <= p.Part.StartUtc || kindOf(p.Part.ClinicianId) is not { } kind || kind != p.Kind))
            return Rejection.PartsInvalid;

        // Each part's slots: the clinician's slots of that day from its start to its end (their own free time, or this
        // appointment's); the decider says whether they are free, adjacent and open.
        var slotIds = new List<Guid>();
        foreach (var (_, part) in wanted)
        {
            var day = await schedule.ClinicianDayAsync(part.ClinicianId, booking.Date, ct);
            var run = day.Slots.Where(s => s.StartUtc >= part.StartUtc && s.EndUtc <= part.EndUtc).ToArray();
            if (run.Length != (int)((part.EndUtc - part.StartUtc) / SlotBlock.SlotLength))
                return Rejection.SlotNotFound;
            slotIds.AddRange(run.Select(s => s.SlotId));
        }
        var shape = AppointmentPart.ShapeOf(wanted.OrderBy(p => p.Part.StartUtc).ThenBy(p => p.Part.EndUtc)
            .Select(p => new AppointmentPart(p.Part.ClinicianId, p.Kind, p.Part.StartUtc, p.Part.EndUtc)).ToArray());
        return await move.HandleAsync(bookingId, slotIds, by, ct, shape: shape);
    }
}
