namespace ClinicPortal.Application.Queries;

/// <summary>What is due when: one row per action the practice's clock owes, by kind and subject, kept by <see cref="HoldProjection"/>.</summary>
public static class TimerKinds
{
    /// <summary>A hold runs out: give its slots back (<see cref="Domain.Booking.ExpireHold"/>). Due at its expiry.</summary>
    public const string HoldExpiry = "hold-expiry";

    /// <summary>
    /// Remind the patient of an appointment (<see cref="Domain.Booking.SendReminder"/>). The row's time is the appointment's
    /// start: it falls due the practice's reminder hours before that, so changing the setting needs no rewrite.
    /// </summary>
    public const string Reminder = "reminder";
}
