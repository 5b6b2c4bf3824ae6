using ClinicPortal.Domain;
using ClinicPortal.Domain.Scheduling;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Features.Booking.BookSlots;
using ClinicPortal.Features.Booking.MoveBooking;
using ClinicPortal.Infrastructure.ReadModels;

namespace ClinicPortal.Features.Conflicts;

/// <summary>Another clinician free for an appointment's whole time: their name and the slots it would take.</summary>
public sealed record ReassignOption(Guid ClinicianId, string Name, IReadOnlyList<Guid> SlotIds);

/// <summary>
/// Giving an appointment to another clinician at the same time: who could take it (clinicians who give its visit type,
/// taking bookings, with free time open to it from its start for its length, in a room it fits in), and the reassignment
/// itself, which is a move to their slots (one conditional append: the old clinician's time stays the patient's until the
/// new one's is secured, and someone booking that time meanwhile wins or loses it whole).
/// </summary>
public sealed class Reassignments(Availability availability, VisitTypeCatalogueReadModel visitTypes, ScheduleReadModel schedule, MoveBookingHandler move)
{
    public async Task<IReadOnlyList<ReassignOption>> OptionsAsync(PatientBooking booking, CancellationToken ct = default)
    {
        if (await visitTypes.FindAsync(booking.VisitTypeId, ct) is not { } type)
            return [];
        // The appointment keeps its own length, even if the visit type has been changed since it was made.
        var visit = type with { Minutes = booking.SlotCount * (int)SlotBlock.SlotLength.TotalMinutes };
        var day = await availability.DayAsync(visit, booking.Date, byPatient: false, ct: ct);
        return day.Doctors
            .Where(doctor => doctor.DoctorId != booking.DoctorId)
            .SelectMany(doctor => doctor.Offers.Where(offer => offer.StartUtc == booking.StartUtc)
                .Select(offer => new ReassignOption(doctor.DoctorId, doctor.DoctorName, offer.SlotIds)).Take(1))
            .ToArray();
    }

    /// <summary>Gives the appointment to <paramref name="clinicianId"/> at the same time, or says why not.</summary>
    public async Task<Checked<BookingMoved>> ReassignAsync(Guid bookingId, Guid clinicianId, Actor by, CancellationToken ct = default)
    {
        if (!by.IsStaff)
            return Rejection.NotAllowed;
        if (await schedule.BookingAsync(bookingId, ct) is not { } booking)
            return Rejection.BookingNotFound;
        if (booking.Cancelled is not null)
            return Rejection.BookingAlreadyCancelled;
        if (booking.DoctorId == clinicianId)
            return Rejection.BookingAlreadyAtThatTime;
        var option = (await OptionsAsync(booking, ct)).FirstOrDefault(o => o.ClinicianId == clinicianId);
        if (option is null)
            return Rejection.ClinicianNotFree;
        return await move.HandleAsync(bookingId, option.SlotIds, by, ct);
    }
}
