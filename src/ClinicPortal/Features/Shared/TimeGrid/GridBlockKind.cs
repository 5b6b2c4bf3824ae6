namespace ClinicPortal.Features.Shared.TimeGrid;

public enum GridBlockKind
{
    /// <summary>Offered and not booked.</summary>
    Free,

    /// <summary>Held by a booking (one block for the whole booking, a double slot included).</summary>
    Booked,

    /// <summary>Offered, never booked, and its time has passed.</summary>
    Past,

    /// <summary>Offered, not booked, and bookable by no one now: its clinician is deactivated.</summary>
    Unavailable,
}
