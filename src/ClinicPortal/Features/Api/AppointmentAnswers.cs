using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain;
using ClinicPortal.Features.Conflicts;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Api;

/// <summary>
/// An appointment as the API answers it: its times, room, parts (today one: its clinician's) and open conflicts, read
/// from the read models after the change.
/// </summary>
public sealed class AppointmentAnswers(IScheduleQueries schedule, IConflictQueries conflicts, PeopleDirectory people, Reassignments reassignments, PracticeClock clock)
{
    /// <summary>The appointment as it stands after the change that gave it <paramref name="slots"/> (from that change's event).</summary>
    /// <summary>The appointment as a change left it: its slots and <paramref name="parts"/> (null: one clinician's) from the change's event.</summary>
    public async Task<AppointmentDto> OfAsync(
        Guid bookingId, Guid visitType, IReadOnlyList<ScheduledSlot> slots, IReadOnlyList<BookedPart>? parts, CancellationToken ct)
    {
        var booking = await schedule.AppointmentAsync(bookingId, ct) ?? throw new InvalidOperationException($"Booking {bookingId} was just made but cannot be read.");
        var slotIds = slots.Select(s => s.SlotId).ToArray();
        var (start, end) = (clock.ToLocal(booking.StartUtc), clock.ToLocal(booking.EndUtc));
        var open = new List<ConflictDto>();
        foreach (var conflict in await conflicts.OfAppointmentAsync(bookingId, ct))
            open.Add(await ConflictAsync(conflict, ct));
        var byId = slots.ToDictionary(s => s.SlotId);
        var answered = parts is { Count: > 0 }
            ? parts.Select(p => new AppointmentPartDto(p.Kind, p.ClinicianId, clock.ToLocal(p.SlotIds.Min(id => byId[id].StartUtc)),
                clock.ToLocal(p.SlotIds.Max(id => byId[id].EndUtc)), p.SlotIds)).ToArray()
            : [new AppointmentPartDto((await people.KindsAsync(ct))(booking.ClinicianId) ?? ClinicianKind.Doctor, booking.ClinicianId, start, end, slotIds)];
        return new AppointmentDto(booking.AppointmentId, visitType, booking.PatientId, booking.ClinicianId, start, end, slotIds, booking.RoomId, answered, open);
    }

    public async Task<ConflictDto> ConflictAsync(OpenConflict conflict, CancellationToken ct)
    {
        var booking = !ConflictKinds.ReassignResolves(conflict.Kind) ? null : await schedule.AppointmentAsync(conflict.AppointmentId, ct);
        var options = booking is null ? [] : await reassignments.OptionsAsync(booking, ct, conflict.ClinicianId);
        return new ConflictDto(conflict.ConflictId, conflict.Kind, conflict.AppointmentId, conflict.OtherAppointmentId, conflict.PatientId, conflict.ClinicianId,
            conflict.RoomId, clock.ToLocal(conflict.StartUtc), clock.ToLocal(conflict.EndUtc), clock.ToLocal(conflict.OpenedAt), conflict.OpenedBy,
            conflict.OverrideBy, conflict.OverrideReason, options.Select(o => new ReassignSuggestionDto(o.ClinicianId, o.Name)).ToArray());
    }
}
