namespace ClinicPortal.Domain.Conflicts;

/// <summary>What clashes with what.</summary>
public static class ConflictKinds
{
    /// <summary>The appointment's clinician has been deactivated: it needs another clinician, another time, or cancelling.</summary>
    public const string ClinicianInactive = "clinician-inactive";

    /// <summary>A clinician took their time back from their day under a visit they shared with others: as <see cref="PartDayCancelled"/>.</summary>
    public const string PartTimeRemoved = "part-time-removed";

    /// <summary>Whether the kind is a visit of several clinicians that has lost one's part (given to someone else, or dropped).</summary>
    public static bool IsLostPart(string kind) => kind is PartDayCancelled or PartTimeRemoved;

    /// <summary>The appointment's room has been taken out of use.</summary>
    public const string RoomOutOfUse = "room-out-of-use";

    /// <summary>A clinician's day was cancelled under a visit they shared with others: the rest stands, their part needs someone (or dropping).</summary>
    public const string PartDayCancelled = "part-day-cancelled";

    /// <summary>The patient has two appointments at once (staff booked or moved one over the other, giving a reason).</summary>
    public const string PatientDoubleBooked = "patient-double-booked";

    /// <summary>Two appointments are in one room at once (staff booked or moved one over the other, giving a reason).</summary>
    public const string RoomDoubleBooked = "room-double-booked";

    /// <summary>A clinician has two patients at once: both appointments hold the same slots (staff booked one over the other, giving a reason).</summary>
    public const string ClinicianDoubleBooked = "clinician-double-booked";

    /// <summary>Whether the kind is a clash between two appointments (resolved by moving, reassigning or cancelling either).</summary>
    public static bool IsDoubleBooking(string kind) => kind is PatientDoubleBooked or RoomDoubleBooked or ClinicianDoubleBooked;

    /// <summary>
    /// Whether giving the appointment to a colleague free then resolves it: a clinician gone or double-booked, a part
    /// lost, a room closed (not a patient or room clash, which a new clinician at the same time would not end).
    /// </summary>
    public static bool ReassignResolves(string kind) => !IsDoubleBooking(kind) || kind is ClinicianDoubleBooked;
}
