using ClinicPortal.Domain.Rooms;
using ClinicPortal.Domain.VisitTypes;
using ClinicPortal.Infrastructure.Accounts;

namespace ClinicPortal.Features.Shared.TimeGrid;

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
        Days.Select(d => d.Appointment(bookingId) is { } part ? new ShownPart(d, part) : null).OfType<ShownPart>()
            .OrderBy(p => p.Appointment.StartUtc).ThenBy(p => p.Appointment.EndUtc).ToArray();

    /// <summary>The name of a slot's or a booking's room; null when it is in none.</summary>
    public string? RoomName(Guid? roomId) => roomId is { } id ? Rooms?.GetValueOrDefault(id)?.Name ?? "a room no longer listed" : null;

    public static readonly StaffDays None = new([], new Dictionary<Guid, Person>(), new Dictionary<Guid, VisitType>());

    private IReadOnlyDictionary<Guid, string>? names;

    /// <summary>Each person's name, built once (every column of a calendar asks for it).</summary>
    public IReadOnlyDictionary<Guid, string> Names => names ??= People.ToDictionary(p => p.Key, p => p.Value.Name);

    public string NameOf(string userId) =>
        Guid.TryParse(userId, out var id) && People.TryGetValue(id, out var person) ? person.Name : userId.StartsWith("system", StringComparison.Ordinal) ? "the practice" : "someone";
}
