namespace ClinicPortal.Features.Notifications;

/// <summary>
/// One booking as a calendar entry: its UID stays the same from the booking to its cancellation. <paramref name="Sequence"/>:
/// its version, rising with every change of the appointment (none: the file's own, as given to it).
/// </summary>
public sealed record CalendarVisit(Guid AppointmentId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, int? Sequence = null)
{
    public string Uid => $"{AppointmentId:N}@clinicportal";
}
