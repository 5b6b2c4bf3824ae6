using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>One clinician's part of a booking shown: their day, and the booking as their column has it (their own times).</summary>
public sealed record ShownPart(StaffDay Day, DayAppointment Appointment);
