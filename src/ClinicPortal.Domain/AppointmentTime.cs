using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Domain;

public static class AppointmentTime
{
    /// <summary>How many 10-minute slots of the patient's time it takes (what the monthly limit counts): its length, not its clinicians' slots.</summary>
    public static int PatientSlots(this IReadOnlyList<ScheduledSlot> slots) =>
        slots.Count == 0 ? 0 : (int)((slots.Max(s => s.EndUtc) - slots.Min(s => s.StartUtc)) / SlotBlock.SlotLength);

    /// <summary>The clinicians of an appointment: each part's, or the one clinician's when it has no parts.</summary>
    public static IEnumerable<Guid> Clinicians(Guid clinicianId, IReadOnlyList<BookedPart>? parts) =>
        parts is { Count: > 0 } ? parts.Select(p => p.ClinicianId) : [clinicianId];
}
