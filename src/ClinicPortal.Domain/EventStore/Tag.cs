namespace ClinicPortal.Domain.EventStore;

/// <summary>
/// A label on an event that decisions query by, such as <c>slot:{id}</c> or <c>patient:{id}</c>.
/// An event carries every tag of every consistency boundary it belongs to.
/// </summary>
public readonly record struct Tag(string Value)
{
    /// <summary>Every event about this doctor.</summary>
    public static Tag Doctor(Guid doctorId) => new($"doctor:{doctorId:N}");

    /// <summary>Every event about one doctor's day (a date in the practice's time zone).</summary>
    public static Tag Day(Guid doctorId, DateOnly date) => new($"day:{doctorId:N}:{date:yyyy-MM-dd}");

    /// <summary>Every event about one slot.</summary>
    public static Tag Slot(Guid slotId) => new($"slot:{slotId:N}");

    /// <summary>Every event about one booking.</summary>
    public static Tag Booking(Guid bookingId) => new($"booking:{bookingId:N}");

    /// <summary>Every event about one patient's bookings.</summary>
    public static Tag Patient(Guid patientId) => new($"patient:{patientId:N}");

    /// <summary>True for the <see cref="Day"/> tag of any doctor's day on <paramref name="date"/>.</summary>
    public bool IsDayOn(DateOnly date) =>
        Value.StartsWith("day:", StringComparison.Ordinal) && Value.EndsWith($":{date:yyyy-MM-dd}", StringComparison.Ordinal);

    public override string ToString() => Value;
}
