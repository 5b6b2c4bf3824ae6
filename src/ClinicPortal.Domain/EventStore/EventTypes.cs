namespace ClinicPortal.Domain.EventStore;

/// <summary>The stable names events are stored under.</summary>
public static class EventTypes
{
    private static readonly Dictionary<string, Type> ByName = new[]
    {
        typeof(DayScheduled), typeof(SlotsRemoved), typeof(SlotsBooked),
        typeof(BookingCancelled), typeof(DayCancelled), typeof(VisitMarked), typeof(VisitTypes.VisitTypeDefined), typeof(BookingMoved),
        typeof(Rooms.RoomDefined), typeof(Conflicts.ClinicianDeactivated), typeof(Conflicts.ClinicianReactivated),
        typeof(HoldPlaced), typeof(HoldReleased), typeof(HoldExpired), typeof(ReminderSent),
        typeof(WaitJoined), typeof(WaitLeft),
    }.ToDictionary(type => type.Name);

    public static IEnumerable<Type> All => ByName.Values;

    public static string NameOf(IClinicEvent @event) => @event.GetType().Name;

    public static string NameOf<TEvent>() where TEvent : IClinicEvent => typeof(TEvent).Name;

    public static Type TypeOf(string name) =>
        ByName.TryGetValue(name, out var type) ? type : throw new ArgumentException($"Unknown event type '{name}'.", nameof(name));
}
