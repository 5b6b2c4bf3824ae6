using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Domain.Privacy;

public sealed class ErasePatientDecider : IDecider<ErasePatient, PatientRecord, PatientErased>
{
    /// <summary>Every appointment event of the patient's, and their erasure.</summary>
    public static Query QueryFor(ErasePatient command) =>
        new([new QueryItem(
            [EventTypes.NameOf<SlotsBooked>(), EventTypes.NameOf<AppointmentMoved>(), EventTypes.NameOf<AppointmentCancelled>(),
             EventTypes.NameOf<DayCancelled>(), EventTypes.NameOf<PatientErased>()],
            [Tag.Patient(command.PatientId)])]);

    public static PatientRecord Initial(ErasePatient command) => PatientRecord.None;

    public static PatientRecord Evolve(PatientRecord state, IClinicEvent @event) => @event switch
    {
        SlotsBooked e => state with { Live = state.Live.SetItem(e.AppointmentId, e.Slots.Max(s => s.EndUtc)) },
        AppointmentMoved e when state.Live.ContainsKey(e.AppointmentId) => state with { Live = state.Live.SetItem(e.AppointmentId, e.ToSlots.Max(s => s.EndUtc)) },
        AppointmentCancelled e => state with { Live = state.Live.Remove(e.AppointmentId) },
        DayCancelled e => state with { Live = state.Live.RemoveRange(e.CancelledAppointments.Select(c => c.AppointmentId)) },
        PatientErased => state with { Erased = true },
        _ => state,
    };

    public static Checked<IReadOnlyList<PatientErased>> Decide(ErasePatient command, PatientRecord state)
    {
        if (command.By.Role != Role.Admin)
            return Rejection.NotAllowed;
        if (state.Erased)
            return Array.Empty<PatientErased>();
        if (state.Live.Values.Any(end => end > command.Now))
            return Rejection.PatientHasAppointmentsToCome;
        return new[] { new PatientErased(command.PatientId, command.By.Name) };
    }
}
