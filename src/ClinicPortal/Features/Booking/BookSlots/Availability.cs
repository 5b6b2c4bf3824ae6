using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Infrastructure.Practice;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Booking.BookSlots;

/// <summary>
/// When a visit type can be booked: a day's starts per clinician, and the first day with one. The Book page and the
/// API ask the same questions here.
/// </summary>
public sealed class Availability(
    IScheduleQueries schedule, PeopleDirectory people, IVisitTypeQueries visitTypes, IRoomQueries rooms, PracticeClock clock,
    PracticeSettings settings)
{
    /// <summary>How far "Next available" looks ahead, today included.</summary>
    public const int NextAvailableDays = 60;

    /// <summary>The visit types <paramref name="byPatient"/> may book: patients the online ones, staff all.</summary>
    public async Task<IReadOnlyList<VisitType>> VisitTypesAsync(bool byPatient, CancellationToken ct = default) =>
        (await visitTypes.AllAsync(ct)).Where(t => !byPatient || t.BookableOnline).ToArray();

    /// <summary>The active clinicians who give a visit type, by name.</summary>
    public async Task<IReadOnlyList<Clinician>> CliniciansGivingAsync(VisitType visitType, CancellationToken ct = default) =>
        (await people.CliniciansAsync(ct)).Where(c => c.IsActive && visitType.IsGivenBy(c.Id, c.Kind)).ToArray();

    /// <summary>
    /// The day's starts of <paramref name="visitType"/>, with one clinician or (null) any who gives it. A start in a room
    /// another appointment holds then is left out (the appointment <paramref name="movingBooking"/> aside, which gives its
    /// time up as it moves), or with <paramref name="clashes"/> offered and marked, for staff to book over with a reason;
    /// so, then, are starts in the clinician's booked time.
    /// </summary>
    public async Task<DayOffers> DayAsync(
        VisitType visitType, DateOnly date, bool byPatient, Guid? clinicianId = null,
        IReadOnlyList<BusyTime>? patientBusy = null, int slotsLeft = int.MaxValue, Guid? movingBooking = null, bool clashes = false,
        CancellationToken ct = default)
    {
        var (names, kindOf) = await TakingBookingsAsync(visitType, clinicianId, ct);
        var slots = await schedule.AvailableSlotsAsync(date, clock.Now, ct);
        if (clashes && !byPatient)
            slots = WithBooked(slots, await schedule.BookedSlotsAsync(date, clock.Now, ct), movingBooking);
        var offers = SlotOffers.For(slots, names, visitType, byPatient, patientBusy, slotsLeft, kindOf,
            await rooms.LookupAsync(ct), await RoomsTakenAsync(date, movingBooking, ct), clashes).With(visitType.HasParts ? clinicianId : null);
        // Patients book online only within the practice's window; staff book any time.
        return byPatient ? offers.Within(settings.Current.BookingWindow, clock.Now) : offers;
    }

    /// <summary>Each clinician's free and booked slots together by start; the moving booking's own are free to it.</summary>
    private static IReadOnlyList<ClinicianSlots> WithBooked(IReadOnlyList<ClinicianSlots> free, IReadOnlyList<ClinicianSlots> booked, Guid? movingBooking) =>
        free.Concat(booked)
            .GroupBy(clinician => clinician.ClinicianId)
            .Select(clinician => new ClinicianSlots(clinician.Key, clinician.SelectMany(d => d.Slots)
                .Select(slot => slot.HeldBy is { } holder && holder == movingBooking ? slot with { HeldBy = null } : slot)
                .OrderBy(slot => slot.StartUtc).ToArray()))
            .ToArray();

    private async Task<IReadOnlyList<RoomTaken>> RoomsTakenAsync(DateOnly date, Guid? movingBooking, CancellationToken ct) =>
        (await schedule.RoomsTakenAsync(date, ct)).Where(taken => taken.AppointmentId != movingBooking).ToArray();

    /// <summary>
    /// The active clinicians (one, or every one) by name, and each clinician's kind. A visit of several clinicians asks
    /// every one: the one asked for is one of a team (<see cref="DayOffers.With"/> keeps their teams).
    /// </summary>
    private async Task<(Dictionary<Guid, string> Names, Func<Guid, ClinicPortal.Domain.ClinicianKind?> KindOf)> TakingBookingsAsync(
        VisitType visitType, Guid? clinicianId, CancellationToken ct)
    {
        var names = (await people.CliniciansAsync(ct))
            .Where(c => c.IsActive && (clinicianId is null || visitType.HasParts || c.Id == clinicianId))
            .ToDictionary(c => c.Id, c => c.Name);
        return (names, await people.KindsAsync(ct));
    }

    /// <summary>The first day from <paramref name="from"/> (at the earliest today) with a start, within <see cref="NextAvailableDays"/> of today.</summary>
    public async Task<(DateOnly Date, DayOffers Offers)?> NextAsync(
        VisitType visitType, DateOnly from, bool byPatient, Guid? clinicianId = null, CancellationToken ct = default)
    {
        var today = clock.Today;
        var (names, kindOf) = await TakingBookingsAsync(visitType, clinicianId, ct);
        var roomOf = await rooms.LookupAsync(ct);
        for (var date = from < today ? today : from; date < today.AddDays(NextAvailableDays); date = date.AddDays(1))
        {
            var offers = SlotOffers.For(await schedule.AvailableSlotsAsync(date, clock.Now, ct), names, visitType, byPatient, kindOf: kindOf, roomOf: roomOf,
                    roomTaken: await RoomsTakenAsync(date, null, ct))
                .With(visitType.HasParts ? clinicianId : null);
            if (byPatient)
                offers = offers.Within(settings.Current.BookingWindow, clock.Now);
            if (offers.Clinicians.Count > 0)
                return (date, offers);
        }
        return null;
    }
}
