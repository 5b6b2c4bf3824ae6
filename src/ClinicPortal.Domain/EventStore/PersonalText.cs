namespace ClinicPortal.Domain.EventStore;

/// <summary>
/// The free text in events that people write about a patient: the reason for a visit (<see cref="SlotsBooked.Reason"/>)
/// and staff's reason for booking or moving a visit over a clash (<c>OverrideReason</c>). The log keeps it sealed with a
/// key of that patient's own, so that erasing the patient (deleting the key) leaves every event's structure and none of
/// its words. A cancelled day's reason is not here: it is the practice's notice about a clinician's day, emailed to every
/// patient of it.
/// </summary>
public static class PersonalText
{
    /// <summary>The patient whose free text the event carries; null when it carries none.</summary>
    public static Guid? OwnerOf(IClinicEvent @event) => @event switch
    {
        SlotsBooked { Reason: not null } or SlotsBooked { OverrideReason: not null } => ((SlotsBooked)@event).PatientId,
        AppointmentMoved { OverrideReason: not null } moved => moved.PatientId,
        _ => null,
    };

    /// <summary>The event with each of its texts about the patient changed by <paramref name="change"/> (sealed, or opened).</summary>
    public static IClinicEvent Map(IClinicEvent @event, Func<string, string> change) => @event switch
    {
        SlotsBooked booked when OwnerOf(booked) is not null => booked with
        {
            Reason = booked.Reason is { } reason ? change(reason) : null,
            OverrideReason = booked.OverrideReason is { } overrideReason ? change(overrideReason) : null,
        },
        AppointmentMoved { OverrideReason: { } reason } moved => moved with { OverrideReason = change(reason) },
        _ => @event,
    };

    /// <summary>The texts' names in the log's JSON (each event's own, at its top level).</summary>
    public static readonly IReadOnlyList<string> JsonNames = ["reason", "overrideReason"];
}
