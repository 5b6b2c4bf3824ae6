using ClinicPortal.Domain.Booking;
using ClinicPortal.Domain.Scheduling;

namespace ClinicPortal.Application.Queries;

/// <summary>
/// A free slot; <paramref name="StaffOnly"/> time is booked by staff only, <paramref name="OnlyFor"/> limits it to those
/// visit types; <paramref name="RoomId"/> is its room, if it is in one. <paramref name="HeldBy"/>: a booked one, read for
/// staff who book over the clinician's clash (<see cref="ScheduleReadModel.BookedSlotsAsync"/>), and the booking holding it.
/// </summary>
public sealed record AvailableSlot(
    Guid SlotId, DateTimeOffset StartUtc, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null, Guid? RoomId = null, Guid? HeldBy = null)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;

    /// <summary>Whether it may be part of a booking of <paramref name="visitType"/>, by staff or (<paramref name="byPatient"/>) online.</summary>
    public bool Allows(Guid visitType, bool byPatient) => Domain.VisitTypes.VisitType.SlotOpenTo(visitType, byPatient, StaffOnly, OnlyFor);
}

/// <summary>The time of a room an appointment holds (<see cref="RoomSpan"/>), and which appointment it is.</summary>
public sealed record RoomTaken(Guid BookingId, RoomSpan Time);

/// <summary>One clinician's available slots of a day, ordered by start.</summary>
public sealed record DoctorSlots(Guid DoctorId, IReadOnlyList<AvailableSlot> Slots);

/// <summary>
/// A booking as its patient and the pages about it see it: from its first part's start to its last part's end, with its
/// clinician (a visit of several: the first part's) and every one of its <paramref name="Clinicians"/>.
/// </summary>
public sealed record PatientBooking(
    Guid BookingId, Guid PatientId, Guid DoctorId, DateOnly Date, DateTimeOffset StartUtc, DateTimeOffset EndUtc,
    int SlotCount, string? Cancelled, string? VisitOutcome, Guid VisitTypeId = default, string? Reason = null, Guid? RoomId = null,
    IReadOnlyList<Guid>? Clinicians = null)
{
    /// <summary>Whether it is a visit of several clinicians, each for their own part.</summary>
    public bool HasParts => Clinicians is { Count: > 1 };

    /// <summary>Every clinician of it (its one clinician when the read gave none).</summary>
    public IReadOnlyList<Guid> Team => Clinicians ?? [DoctorId];
}

/// <summary>
/// A slot of a clinician's day: the booking holding it (the first booked), and <paramref name="AlsoHeldBy"/> the bookings
/// staff booked over it with a reason, if any. <paramref name="HeldUntil"/>: a patient holds it while they confirm, until then.
/// </summary>
public sealed record DoctorDaySlot(
    Guid SlotId, DateTimeOffset StartUtc, Guid? BookingId, Guid? PatientId, string? VisitOutcome, bool StaffOnly = false, IReadOnlyList<Guid>? OnlyFor = null,
    Guid? RoomId = null, IReadOnlyList<Guid>? AlsoHeldBy = null, DateTimeOffset? HeldUntil = null)
{
    public DateTimeOffset EndUtc => StartUtc + SlotBlock.SlotLength;
    public bool IsBooked => BookingId is not null;

    /// <summary>Whether a patient's hold keeps it from others at <paramref name="now"/>.</summary>
    public bool HeldAt(DateTimeOffset now) => !IsBooked && HeldUntil > now;

    /// <summary>Every booking holding it, the one the slot shows first.</summary>
    public System.Collections.Immutable.ImmutableList<Guid> Holders =>
        BookingId is { } first ? [first, .. AlsoHeldBy ?? []] : [];
}

/// <summary>A booking of a doctor's day as staff see it: who, when, who booked it, and what became of it.</summary>
public sealed record DayBooking(
    Guid BookingId, Guid PatientId, Guid DoctorId, DateTimeOffset StartUtc, DateTimeOffset EndUtc, int SlotCount,
    string BookedBy, DateTimeOffset BookedAt, string? Cancelled, string? VisitOutcome, Guid VisitTypeId = default, string? Reason = null,
    Guid? RoomId = null);

/// <summary>One clinician's part of a booking: who, of which kind (null: the visit is theirs alone), from when to when.</summary>
public sealed record BookingPart(Guid ClinicianId, Domain.ClinicianKind? Kind, DateTimeOffset StartUtc, DateTimeOffset EndUtc)
{
    /// <summary>The parts a visit booked by its parts has now, as a shape (null: a visit of one clinician).</summary>
    public static IReadOnlyList<Domain.VisitTypes.VisitPart>? ShapeOf(IReadOnlyList<BookingPart> parts)
    {
        if (parts.Count == 0 || parts.Any(p => p.Kind is null))
            return null;
        var start = parts.Min(p => p.StartUtc);
        return parts.Select(p => new Domain.VisitTypes.VisitPart(p.Kind!.Value, (int)(p.StartUtc - start).TotalMinutes, (int)(p.EndUtc - p.StartUtc).TotalMinutes))
            .ToArray();
    }
}

public sealed record DoctorDayView(Guid DoctorId, DateOnly Date, bool Cancelled, string? CancelReason, IReadOnlyList<DoctorDaySlot> Slots);

/// <summary>
/// What the pages and handlers ask of the schedule (slots, days, bookings, a patient's month), answered by its read model
/// in sets. Nothing here decides; it shows what the log has made true.
/// </summary>
public interface IScheduleQueries
{
    Task<IReadOnlyList<DoctorSlots>> AvailableSlotsAsync(DateOnly date, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<DoctorSlots>> BookedSlotsAsync(DateOnly date, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<RoomTaken>> RoomsTakenAsync(DateOnly date, CancellationToken ct = default);
    Task<Guid?> RoomOfSlotsAsync(IReadOnlyList<Guid> slotIds, CancellationToken ct = default);
    Task<IReadOnlyList<(Guid DoctorId, DateOnly Date)>> DaysOfSlotsAsync(IReadOnlyList<Guid> slotIds, CancellationToken ct = default);
    Task<IReadOnlyList<PatientBooking>> FutureBookingsAsync(Guid patientId, DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<PatientBooking>> BookingsOfPatientAsync(Guid patientId, int limit, int offset, CancellationToken ct = default);
    Task<IReadOnlyList<PatientBooking>> BookingsOfSlotAsync(Guid slotId, CancellationToken ct = default);
    Task<IReadOnlyList<Guid>> SlotIdsOfAsync(Guid bookingId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, IReadOnlyList<Guid>>> SlotIdsOfAsync(IReadOnlyCollection<Guid> bookingIds, CancellationToken ct = default);
    Task<IReadOnlyDictionary<Guid, PatientBooking>> BookingsAsync(IEnumerable<Guid> bookingIds, CancellationToken ct = default);
    Task<PatientBooking?> BookingAsync(Guid bookingId, CancellationToken ct = default);
    Task<IReadOnlyDictionary<string, int>> MonthlyUsagesAsync(Guid patientId, CancellationToken ct = default);
    Task<int> MonthlyUsageAsync(Guid patientId, string month, CancellationToken ct = default);
    Task<DoctorDayView> DoctorDayAsync(Guid doctorId, DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<DoctorDayView>> DoctorDaysAsync(IReadOnlyList<(Guid DoctorId, DateOnly Date)> wanted, CancellationToken ct = default);
    Task<IReadOnlyList<RoomTime>> RoomTimeAsync(DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<DayBooking>> DayBookingsAsync(Guid doctorId, DateOnly date, CancellationToken ct = default);
    Task<IReadOnlyList<IReadOnlyList<DayBooking>>> DayBookingsAsync(IReadOnlyList<(Guid DoctorId, DateOnly Date)> wanted, CancellationToken ct = default);
    Task<IReadOnlyList<BookingPart>> PartsAsync(Guid bookingId, CancellationToken ct = default);
}
