using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Conflicts;

/// <summary>
/// The rooms an appointment could move to at its own time, as the desk offers them for one whose room is out of use: in
/// use, with what its visit type needs, no other appointment in it then and no other clinician's time in it then (the
/// rule <see cref="Domain.Booking.ChangeRoomDecider"/> decides by).
/// </summary>
public sealed class RoomOptions(IScheduleQueries schedule, IRoomQueries rooms, IVisitTypeQueries visitTypes)
{
    public async Task<IReadOnlyList<RoomOption>> ForAsync(PatientAppointment booking, CancellationToken ct = default)
    {
        var all = await rooms.AllAsync(ct);
        if (all.Count == 0)
            return [];
        var type = await visitTypes.FindAsync(booking.VisitTypeId, ct);
        var appointments = (await schedule.RoomsTakenAsync(booking.Date, ct)).Where(t => t.AppointmentId != booking.AppointmentId).ToArray();
        var blocks = await schedule.RoomTimeAsync(booking.Date, ct);
        var team = booking.Team.ToHashSet();
        return all
            .Where(room => room.InUse && room.Id != booking.RoomId && (type?.FitsIn(room) ?? true)
                && !appointments.Any(t => t.Time.Overlaps(room.Id, booking.StartUtc, booking.EndUtc))
                && !blocks.Any(b => b.RoomId == room.Id && !team.Contains(b.ClinicianId) && b.Overlaps(booking.StartUtc, booking.EndUtc)))
            .OrderBy(room => room.Name, StringComparer.CurrentCulture)
            .Select(room => new RoomOption(room.Id, room.Name))
            .ToArray();
    }
}
