namespace ClinicPortal.Domain.Booking;

/// <summary>
/// What the accounts (kept beside the log, not in it) say of the people a booking names, as the handler found them just
/// before deciding: whether the patient's account is a patient's (<paramref name="IsPatient"/>) and not deactivated by
/// staff (<paramref name="PatientIsActive"/>), and whether staff have deactivated any of the clinicians whose slots it
/// names (<paramref name="ClinicianDeactivated"/>: they take no new bookings from that moment, and a clinician
/// deactivated before deactivation was logged has no event to find).
/// </summary>
public sealed record AccountFacts(bool IsPatient = true, bool PatientIsActive = true, bool ClinicianDeactivated = false)
{
    /// <summary>A patient's active account, and clinicians taking bookings.</summary>
    public static readonly AccountFacts Active = new();
}
