namespace ClinicPortal.Domain.EventStore;

/// <summary>
/// The stable names events are stored under: each type's own name, but for the two logged before the code called a
/// booking an appointment, which keep the names they were logged with.
/// </summary>
public static class EventTypes
{
    private static readonly Dictionary<Type, string> LoggedAs = new()
    {
        [typeof(AppointmentCancelled)] = "BookingCancelled",
        [typeof(AppointmentMoved)] = "BookingMoved",
    };

    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(DayScheduled), typeof(SlotsRemoved), typeof(SlotsBooked),
        typeof(AppointmentCancelled), typeof(DayCancelled), typeof(VisitMarked), typeof(VisitTypes.VisitTypeDefined), typeof(AppointmentMoved),
        typeof(Rooms.RoomDefined), typeof(Conflicts.ClinicianDeactivated), typeof(Conflicts.ClinicianReactivated),
        typeof(HoldPlaced), typeof(HoldReleased), typeof(HoldExpired), typeof(ReminderSent),
        typeof(WaitJoined), typeof(WaitLeft), typeof(PatientErased),
    }.ToDictionary(Stored);

    public static IEnumerable<Type> All => ByName.Values;

    public static string NameOf(IClinicEvent @event) => Stored(@event.GetType());

    public static string NameOf<TEvent>() where TEvent : IClinicEvent => Stored(typeof(TEvent));

    /// <summary>The name events of <paramref name="type"/> are stored under.</summary>
    public static string NameOf(Type type) => Stored(type);

    private static string Stored(Type type) => LoggedAs.GetValueOrDefault(type, type.Name);

    public static Type TypeOf(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new ArgumentException($"Unknown event type '{name}'.", nameof(name));
}
