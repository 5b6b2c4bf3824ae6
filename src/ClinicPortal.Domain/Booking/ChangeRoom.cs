namespace ClinicPortal.Domain.Booking;

/// <summary>
/// Staff put an appointment in another room, at the same time with the same clinicians (a patient needs the step-free
/// room; a room is closed for the day). <paramref name="PatientId"/>, <paramref name="VisitTypeId"/> and
/// <paramref name="Date"/> are the booking's as the caller read them, so the decision reads that room's day and the
/// visit type's definition. <paramref name="OverrideReason"/>: put it there even though another appointment is in the
/// room for some of its time (the clash goes on the conflicts desk). A later move or reassignment takes the room of
/// the new time's clinicians again.
/// </summary>
public sealed record ChangeRoom(
    Guid AppointmentId, Guid PatientId, Guid VisitTypeId, DateOnly Date, Guid RoomId, Actor By, DateTimeOffset Now, string? OverrideReason = null) : ICommand<ChangeRoom, ChangeRoomDecider, RoomChangeRequest, AppointmentMoved>;
