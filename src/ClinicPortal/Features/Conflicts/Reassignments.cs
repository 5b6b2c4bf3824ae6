using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.MoveAppointment;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Conflicts;

/// <summary>
/// Giving an appointment, or one part of a visit of several clinicians, to another clinician at the same time: who could
/// take it (clinicians who give its visit type or are of the part's kind, taking bookings, with free time open to it from
/// its start for its length), and the reassignment itself, which is a move to their slots (the other parts keeping
/// theirs): one conditional append, so the old clinician's time stays the patient's until the new one's is secured, and
/// someone booking that time meanwhile wins or loses it whole.
/// </summary>
public sealed class Reassignments(
    Availability availability, IVisitTypeQueries visitTypes, IScheduleQueries schedule, PeopleDirectory people, PracticeClock clock,
    MoveAppointmentHandler move)
{
    /// <summary>Who could take the appointment, or the part of <paramref name="replacing"/> (default: its first clinician's).</summary>
    public async Task<IReadOnlyList<ReassignOption>> OptionsAsync(PatientAppointment booking, CancellationToken ct = default, Guid? replacing = null)
    {
        if (await visitTypes.FindAsync(booking.VisitTypeId, ct) is not { } type)
            return [];
        // A visit booked by its parts (even one left with a single part) is reassigned part by part.
        var parts = await schedule.PartsAsync(booking.AppointmentId, ct);
        if (parts.Any(p => p.Kind is not null))
            return await PartOptionsAsync(booking, parts, replacing ?? booking.ClinicianId, ct);
        // The appointment keeps its own length, even if the visit type has been changed since it was made.
        var visit = type with { Minutes = booking.SlotCount * (int)SlotBlock.SlotLength.TotalMinutes };
        var day = await availability.DayAsync(visit, booking.Date, byPatient: false, movingBooking: booking.AppointmentId, ct: ct);
        return day.Clinicians
            .Where(clinician => clinician.ClinicianId != booking.ClinicianId)
            .SelectMany(clinician => clinician.Offers.Where(offer => offer.StartUtc == booking.StartUtc)
                .Select(offer => new ReassignOption(clinician.ClinicianId, clinician.ClinicianName, offer.SlotIds)).Take(1))
            .ToArray();
    }

    /// <summary>
    /// One part of a visit of several clinicians: each other clinician of its kind (not already in the visit) with a free
    /// run for the part's own time; the option's slots are theirs and the other parts' own.
    /// </summary>
    private async Task<IReadOnlyList<ReassignOption>> PartOptionsAsync(
        PatientAppointment booking, IReadOnlyList<AppointmentPart> parts, Guid replacing, CancellationToken ct)
    {
        if (parts.FirstOrDefault(p => p.ClinicianId == replacing) is not { Kind: { } kind } part)
            return [];
        var kept = new List<Guid>();
        foreach (var other in parts.Where(p => p.ClinicianId != replacing))
            kept.AddRange((await schedule.ClinicianDayAsync(other.ClinicianId, booking.Date, ct)).Slots.Where(s => s.Holders.Contains(booking.AppointmentId)).Select(s => s.SlotId));
        var length = (int)((part.EndUtc - part.StartUtc) / SlotBlock.SlotLength);
        var free = await schedule.AvailableSlotsAsync(booking.Date, clock.Now, ct);
        var taken = (await schedule.RoomsTakenAsync(booking.Date, ct)).Where(t => t.AppointmentId != booking.AppointmentId).ToArray();
        var options = new List<ReassignOption>();
        foreach (var clinician in (await people.CliniciansAsync(ct)).Where(c => c.IsActive && c.Kind == kind && parts.All(p => p.ClinicianId != c.Id)))
        {
            var slots = free.FirstOrDefault(d => d.ClinicianId == clinician.Id)?.Slots ?? [];
            var run = slots.SkipWhile(s => s.StartUtc != part.StartUtc).Take(length).ToArray();
            if (run.Length == length && run.Zip(run.Skip(1)).All(pair => pair.First.EndUtc == pair.Second.StartUtc) && FitsTheRoom(run))
                options.Add(new ReassignOption(clinician.Id, clinician.Name, [.. kept, .. run.Select(s => s.SlotId)]));
        }
        return options.OrderBy(o => o.Name, StringComparer.CurrentCulture).ToArray();

        // The visit stays in one room: the new part's time is in no room, or in the visit's own, or (for a visit in none)
        // in a room no other appointment holds for the visit's span.
        bool FitsTheRoom(AvailableSlot[] run) => run.Select(s => s.RoomId).Distinct().ToArray() switch
        {
            [null] => true,
            [{ } room] => booking.RoomId is { } own ? own == room : !taken.Any(t => t.Time.Overlaps(room, booking.StartUtc, booking.EndUtc)),
            _ => false,
        };
    }

    /// <summary>
    /// Gives the appointment to <paramref name="clinicianId"/> at the same time (for a visit of several clinicians, the
    /// part of their kind), or says why not.
    /// </summary>
    public async Task<Checked<AppointmentMoved>> ReassignAsync(Guid bookingId, Guid clinicianId, Actor by, CancellationToken ct = default)
    {
        var changing = await move.ForStaffAsync(bookingId, by, ct);
        if (!changing.IsAccepted)
            return changing.Rejection!.Value;
        var booking = changing.Value!;
        if (booking.Team.Contains(clinicianId))
            return Rejection.AppointmentAlreadyAtThatTime;
        // A visit booked by its parts keeps them as they are (whatever staff made of them): only the part of the new
        // clinician's kind changes hands.
        Guid? replacing = null;
        IReadOnlyList<VisitPart>? shape = null;
        var parts = await schedule.PartsAsync(bookingId, ct);
        if (parts.Any(p => p.Kind is not null))
        {
            var kindOf = await people.KindsAsync(ct);
            replacing = parts.FirstOrDefault(p => p.Kind == kindOf(clinicianId))?.ClinicianId;
            if (replacing is null)
                return Rejection.ClinicianNotFree;
            shape = AppointmentPart.ShapeOf(parts);
        }
        var option = (await OptionsAsync(booking, ct, replacing)).FirstOrDefault(o => o.ClinicianId == clinicianId);
        if (option is null)
            return Rejection.ClinicianNotFree;
        return await move.HandleAsync(bookingId, option.SlotIds, by, ct, shape: shape);
    }
}
