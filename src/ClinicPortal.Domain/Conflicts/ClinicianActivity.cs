using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Conflicts;

/// <summary>
/// The owner deactivated a clinician: they take no new bookings, and each of their appointments still to come is a
/// conflict until someone reassigns, moves or cancels it. (Clinicians deactivated before this event existed have no
/// such event: their appointments are not on the conflicts desk.)
/// </summary>
public sealed record ClinicianDeactivated(Guid ClinicianId, string By) : IClinicEvent;

/// <summary>The owner reactivated a clinician: their appointments stand again.</summary>
public sealed record ClinicianReactivated(Guid ClinicianId, string By) : IClinicEvent;

/// <summary>The owner turns a clinician's account off or on again; the log records the change so that what depends on it follows.</summary>
public sealed record SetClinicianActive(Guid ClinicianId, bool Active, Actor By, DateTimeOffset Now) : ICommand<SetClinicianActive, SetClinicianActiveDecider, bool, IClinicEvent>;

public sealed class SetClinicianActiveDecider : IDecider<SetClinicianActive, bool, IClinicEvent>
{
    /// <summary>The clinician's own activity changes (a clinician is active until the log says otherwise).</summary>
    public static Query QueryFor(SetClinicianActive command) => ActivityOf(command.ClinicianId);

    public static Query ActivityOf(Guid clinicianId) =>
        new([new QueryItem([EventTypes.NameOf<ClinicianDeactivated>(), EventTypes.NameOf<ClinicianReactivated>()], [Tag.Doctor(clinicianId)])]);

    public static bool Initial(SetClinicianActive command) => true;

    public static bool Evolve(bool active, IClinicEvent @event) => @event switch
    {
        ClinicianDeactivated => false,
        ClinicianReactivated => true,
        _ => active,
    };

    /// <summary>The owner only; nothing is logged when the clinician is already as asked.</summary>
    public static Checked<IReadOnlyList<IClinicEvent>> Decide(SetClinicianActive command, bool active)
    {
        if (command.By.Role != Role.Admin)
            return Rejection.NotAllowed;
        if (active == command.Active)
            return Array.Empty<IClinicEvent>();
        return command.Active
            ? new IClinicEvent[] { new ClinicianReactivated(command.ClinicianId, command.By.Name) }
            : [new ClinicianDeactivated(command.ClinicianId, command.By.Name)];
    }
}
