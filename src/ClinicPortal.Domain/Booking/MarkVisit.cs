namespace ClinicPortal.Domain.Booking;

/// <summary>Record that the patient arrived, or did not, once the booking's time has come.</summary>
public sealed record MarkVisit(Guid AppointmentId, VisitOutcome Outcome, Actor By, DateTimeOffset Now) : ICommand<MarkVisit, MarkVisitDecider, AppointmentState, VisitMarked>;
