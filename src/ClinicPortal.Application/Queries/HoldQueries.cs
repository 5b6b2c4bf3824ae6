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

/// <summary>A hold as the pages and the API show it.</summary>
public sealed record HoldView(
    Guid HoldId, Guid PatientId, Guid DoctorId, IReadOnlyList<Guid> Clinicians, Guid VisitTypeId, DateOnly Date, DateTimeOffset StartUtc,
    DateTimeOffset EndUtc, IReadOnlyList<Guid> SlotIds, Guid? RoomId, DateTimeOffset ExpiresAt, string Status, Guid? BookingId);

/// <summary>An action the practice's clock owes: its kind, what it is about, its time (see <see cref="TimerKinds"/>), and when the event that set it was.</summary>
public sealed record DueTimer(string Kind, Guid SubjectId, DateTimeOffset DueAt, DateTimeOffset Since);

/// <summary>Holds as the pages, the API and the practice's clock ask for them.</summary>
public interface IHoldQueries
{
    Task<HoldView?> FindAsync(Guid holdId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, Guid>> HoldsOfBookingsAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken ct = default);
    Task<IReadOnlyList<DueTimer>> DueAsync(DateTimeOffset now, TimeSpan? reminderLead, int limit, CancellationToken ct = default);
    Task<DateTimeOffset?> NextDueAsync(DateTimeOffset now, TimeSpan? reminderLead, CancellationToken ct = default);
}
