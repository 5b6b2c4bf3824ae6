using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Accounts;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Features.Shared.TimeGrid;

/// <summary>A doctor's day as staff see it: its slots and every booking it had.</summary>
public sealed record StaffDay(Person Doctor, DoctorDayView Day, IReadOnlyList<DayBooking> Bookings)
{
    public DayBooking? Booking(Guid bookingId) => Bookings.FirstOrDefault(b => b.BookingId == bookingId);
}

/// <summary>One clinician's part of a booking shown: their day, and the booking as their column has it (their own times).</summary>
public sealed record ShownPart(StaffDay Day, DayBooking Booking);

/// <summary>
/// Some clinicians' days, with the people their bookings name (patients, and whoever booked for them), the visit types,
/// and the practice's rooms (none when it has none).
/// </summary>
public sealed record StaffDays(
    IReadOnlyList<StaffDay> Days, IReadOnlyDictionary<Guid, Person> People, IReadOnlyDictionary<Guid, VisitType> VisitTypes,
    IReadOnlyDictionary<Guid, Room>? Rooms = null)
{
    /// <summary>Each clinician's part of a booking among the days shown, by start (one for a visit of one clinician).</summary>
    public IReadOnlyList<ShownPart> PartsOf(Guid bookingId) =>
        Days.Select(d => d.Booking(bookingId) is { } part ? new ShownPart(d, part) : null).OfType<ShownPart>()
            .OrderBy(p => p.Booking.StartUtc).ThenBy(p => p.Booking.EndUtc).ToArray();

    /// <summary>The name of a slot's or a booking's room; null when it is in none.</summary>
    public string? RoomName(Guid? roomId) => roomId is { } id ? Rooms?.GetValueOrDefault(id)?.Name ?? "a room no longer listed" : null;

    public static readonly StaffDays None = new([], new Dictionary<Guid, Person>(), new Dictionary<Guid, VisitType>());

    private IReadOnlyDictionary<Guid, string>? names;

    /// <summary>Each person's name, built once (every column of a calendar asks for it).</summary>
    public IReadOnlyDictionary<Guid, string> Names => names ??= People.ToDictionary(p => p.Key, p => p.Value.Name);

    public string NameOf(string userId) =>
        Guid.TryParse(userId, out var id) && People.TryGetValue(id, out var person) ? person.Name : userId.StartsWith("system", StringComparison.Ordinal) ? "the practice" : "someone";
}

/// <summary>
/// Reads doctors' days for the calendars: the slots, the bookings, and the people named, in a few statements however many
/// days, clinicians and bookings are shown.
/// </summary>
public sealed class StaffDayReader(
    IScheduleQueries schedule, PeopleDirectory people, IVisitTypeQueries visitTypes, IRoomQueries rooms, IPastQueries asOf)
{
    public async Task<StaffDays> ReadAsync(IEnumerable<(Person Doctor, DateOnly Date)> wanted, CancellationToken ct = default)
    {
        var asked = wanted.ToArray();
        var keys = asked.Select(w => (w.Doctor.Id, w.Date)).ToArray();
        var slots = await schedule.DoctorDaysAsync(keys, ct);
        var bookings = await schedule.DayBookingsAsync(keys, ct);
        return await NamedAsync(asked.Select((w, i) => new StaffDay(w.Doctor, slots[i], bookings[i])).ToArray(), ct);
    }

    /// <summary>
    /// The clinicians' day as it stood when the log ended at <paramref name="position"/> (<see cref="IPastQueries"/>); the
    /// people, visit types and rooms are named as they are now.
    /// </summary>
    public Task<StaffDays> ReadAsOfAsync(IReadOnlyList<Person> doctors, DateOnly date, long position, CancellationToken ct = default) =>
        ReadAsOfAsync(doctors.Select(d => (d, date)).ToArray(), position, ct);

    /// <summary>Clinicians' days (any dates, such as a week of one) as they stood when the log ended at <paramref name="position"/>.</summary>
    public async Task<StaffDays> ReadAsOfAsync(IReadOnlyList<(Person Doctor, DateOnly Date)> wanted, long position, CancellationToken ct = default)
    {
        var past = await asOf.DaysAsync(wanted.Select(w => (w.Doctor.Id, w.Date)).ToArray(), position, ct);
        return await NamedAsync(wanted.Zip(past, (w, day) => new StaffDay(w.Doctor, day.Day, day.Bookings)).ToArray(), ct);
    }

    private async Task<StaffDays> NamedAsync(IReadOnlyList<StaffDay> days, CancellationToken ct)
    {
        var named = days.SelectMany(d => d.Bookings)
            .SelectMany(b => new[] { b.PatientId, Guid.TryParse(b.BookedBy, out var by) ? by : Guid.Empty })
            .Where(id => id != Guid.Empty);
        return new StaffDays(days, await people.FindManyAsync(named, ct), (await visitTypes.AllAsync(ct)).ToDictionary(t => t.Id),
            await rooms.ByIdAsync(ct));
    }
}
