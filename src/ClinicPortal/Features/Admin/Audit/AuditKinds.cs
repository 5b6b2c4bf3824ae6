using ClinicPortal.Domain;
using ClinicPortal.Domain.Conflicts;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.VisitTypes;

namespace ClinicPortal.Features.Admin.Audit;

/// <summary>
/// The kinds of entry the audit trail filters by, each the event types it covers. The trail opens on changes: what people
/// and the practice did, without the clock's reminders (one a visit, most of them "no reminder needed").
/// </summary>
public static class AuditKinds
{
    public sealed record Kind(string Key, string Name, IReadOnlyList<string>? Types);

    public static readonly Kind Changes = new("changes", "Changes", EventTypes.All.Where(t => t != typeof(ReminderSent)).Select(EventTypes.NameOf).ToArray());

    public static readonly IReadOnlyList<Kind> All =
    [
        Changes,
        new("bookings", "Appointments", [Name<SlotsBooked>(), Name<AppointmentMoved>(), Name<AppointmentCancelled>(), Name<VisitMarked>()]),
        new("schedules", "Schedules", [Name<DayScheduled>(), Name<SlotsRemoved>(), Name<DayCancelled>()]),
        new("holds", "Holds and the waiting list", [Name<HoldPlaced>(), Name<HoldReleased>(), Name<HoldExpired>(), Name<WaitJoined>(), Name<WaitLeft>()]),
        new("reminders", "Reminders", [Name<ReminderSent>()]),
        new("practice", "Staff, visit types and rooms", [Name<ClinicianDeactivated>(), Name<ClinicianReactivated>(), Name<VisitTypeDefined>(), Name<RoomDefined>()]),
        new("erasures", "Patients erased", [Name<PatientErased>()]),
        new("all", "Everything", null),
    ];

    /// <summary>The kind an address names (<c>?kind=</c>), or <see cref="Changes"/>.</summary>
    public static Kind Of(string? key) => All.FirstOrDefault(k => k.Key == key) ?? Changes;

    private static string Name<TEvent>() where TEvent : IClinicEvent => EventTypes.NameOf<TEvent>();
}
