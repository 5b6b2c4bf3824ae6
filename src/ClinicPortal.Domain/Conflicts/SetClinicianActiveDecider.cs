using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Conflicts;

public sealed class SetClinicianActiveDecider : IDecider<SetClinicianActive, bool, IClinicEvent>
{
    /// <summary>The clinician's own activity changes (a clinician is active until the log says otherwise).</summary>
    public static Query QueryFor(SetClinicianActive command) => ActivityOf(command.ClinicianId);

    public static Query ActivityOf(Guid clinicianId) =>
        new([new QueryItem([EventTypes.NameOf<ClinicianDeactivated>(), EventTypes.NameOf<ClinicianReactivated>()], [Tag.Clinician(clinicianId)])]);

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
