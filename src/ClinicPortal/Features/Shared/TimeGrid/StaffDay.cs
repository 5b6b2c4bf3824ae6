using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>A clinician's day as staff see it: its slots and every booking it had.</summary>
public sealed record StaffDay(Person Clinician, ClinicianDayView Day, IReadOnlyList<DayAppointment> Appointments)
{
    public DayAppointment? Appointment(Guid bookingId) => Appointments.FirstOrDefault(b => b.AppointmentId == bookingId);
}
