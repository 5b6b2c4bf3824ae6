namespace ClinicPortal.Domain.EventStore;

/// <summary>
/// A label on an event that decisions query by, such as <c>slot:{id}</c> or <c>patient:{id}</c>.
/// An event carries every tag of every consistency boundary it belongs to.
/// </summary>
public readonly record struct Tag(string Value)
{
    /// <summary>Every event about this clinician.</summary>
    public static Tag Clinician(Guid clinicianId) => new($"doctor:{clinicianId:N}");

    /// <summary>Every event about one clinician's day (a date in the practice's time zone).</summary>
    public static Tag Day(Guid clinicianId, DateOnly date) => new($"day:{clinicianId:N}:{date:yyyy-MM-dd}");

    /// <summary>Every event about one slot.</summary>
    public static Tag Slot(Guid slotId) => new($"slot:{slotId:N}");

    /// <summary>Every event about one booking.</summary>
    public static Tag Appointment(Guid bookingId) => new($"booking:{bookingId:N}");

    /// <summary>Every event about one patient's bookings.</summary>
    public static Tag Patient(Guid patientId) => new($"patient:{patientId:N}");

    /// <summary>
    /// Every event about one patient's bookings of one practice month (by the visit's date): what a booking decision
    /// needs of the patient (the month's limit, their other times that day), however long their history.
    /// </summary>
    public static Tag PatientMonth(Guid patientId, DateOnly date) => new($"{PatientMonthPrefix}{patientId:N}:{date:yyyy-MM}");

    /// <summary>What every <see cref="PatientMonth"/> tag begins with.</summary>
    public const string PatientMonthPrefix = "patient-month:";

    /// <summary>Every event about one hold: placed, and confirmed, released or expired.</summary>
    public static Tag Hold(Guid holdId) => new($"hold:{holdId:N}");

    /// <summary>Every hold of one patient: what limits how many they hold at once.</summary>
    public static Tag PatientHolds(Guid patientId) => new($"patient-holds:{patientId:N}");

    /// <summary>Every event about one wait on the waiting list: joined, offered a time, left.</summary>
    public static Tag Wait(Guid waitId) => new($"wait:{waitId:N}");

    /// <summary>Every wait of one patient: what limits how many they keep, and the offers made for them.</summary>
    public static Tag PatientWaits(Guid patientId) => new($"patient-waits:{patientId:N}");

    /// <summary>Every wait for one visit type: the line the practice offers freed times from.</summary>
    public static Tag Waitlist(Guid visitTypeId) => new($"waitlist:{visitTypeId:N}");

    /// <summary>Every appointment booked in one series.</summary>
    public static Tag Series(Guid seriesId) => new($"series:{seriesId:N}");

    /// <summary>Every change to one visit type.</summary>
    public static Tag VisitType(Guid visitTypeId) => new($"visit-type:{visitTypeId:N}");

    /// <summary>Every change to any visit type: the practice's catalogue, small enough to read whole.</summary>
    public static Tag VisitTypes { get; } = new("visit-types");

    /// <summary>Every change to one room.</summary>
    public static Tag Room(Guid roomId) => new($"room:{roomId:N}");

    /// <summary>Every change to any room: the practice's few rooms, read whole.</summary>
    public static Tag Rooms { get; } = new("rooms");

    /// <summary>
    /// Every event that gives a room's time on one practice date to a clinician or takes it back: what deciding
    /// whether the room is free then needs, whoever's blocks hold it.
    /// </summary>
    public static Tag RoomDay(Guid roomId, DateOnly date) => new($"room-day:{roomId:N}:{date:yyyy-MM-dd}");

    /// <summary>The date of a <see cref="Day"/> tag (any clinician's); null for every other tag.</summary>
    public DateOnly? DayDate =>
        Value.StartsWith("day:", StringComparison.Ordinal) && Value.Length > 10
        && DateOnly.TryParseExact(Value.AsSpan(Value.Length - 10), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture,
            System.Globalization.DateTimeStyles.None, out var date)
            ? date
            : null;

    public override string ToString() => Value;
}
