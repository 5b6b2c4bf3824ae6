using ClinicPortal.Application;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>
/// Events as JSON in the log: camelCase properties, enums by name. The (de)serialisers are source-generated: every
/// booking decision reads a patient's month and its slots' histories, and the reflection-based converters were a
/// tenth of a booking's CPU.
/// </summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(EventJson.Default.Options)
    {
        TypeInfoResolver = EventJson.Default.WithAddedModifier(WritesOnlyWhatHappened).WithAddedModifier(KeepsTheLogsNames)
            .WithAddedModifier(AddsNewFieldsOnlyWhenSet),
    };

    /// <summary>
    /// Fields an event gained after it was first logged that most of its events never set: written only when set, so an
    /// event without one is written byte for byte as it was before the field existed (a booking outside a series).
    /// </summary>
    private static readonly HashSet<(Type, string)> WrittenOnlyWhenSet =
        [(typeof(SlotsBooked), "seriesId"), (typeof(Domain.VisitTypes.VisitTypeDefined), "patientsBookSeries")];

    private static void AddsNewFieldsOnlyWhenSet(JsonTypeInfo info)
    {
        foreach (var property in info.Properties)
            if (WrittenOnlyWhenSet.Contains((info.Type, property.Name)))
                property.ShouldSerialize = (_, value) => value is not (null or false);
    }

    /// <summary>
    /// The events logged before the code called every doctor, nurse and counsellor a clinician: their JSON names
    /// the clinician <c>doctorId</c> (a move's <c>fromDoctorId</c> and <c>toDoctorId</c>), as their tags say
    /// <c>doctor:</c>, and the log keeps both byte for byte.
    /// </summary>
    private static readonly HashSet<Type> LoggedWithDoctorIds =
    [
        typeof(DayScheduled), typeof(SlotsRemoved), typeof(DayCancelled), typeof(SlotsBooked), typeof(AppointmentCancelled),
        typeof(AppointmentMoved), typeof(VisitMarked), typeof(HoldPlaced), typeof(HoldReleased), typeof(HoldExpired), typeof(ReminderSent),
    ];

    /// <summary>
    /// The code's <c>ClinicianId</c> (<c>FromClinicianId</c>, <c>ToClinicianId</c>) is the log's <c>doctorId</c> in
    /// <see cref="LoggedWithDoctorIds"/>; and in every event and every record an event holds, the code's appointment is
    /// the log's booking (<c>bookingId</c>, <c>cancelledBookings</c>, <c>otherBookingId</c>…), as its tags say
    /// <c>booking:</c>: no name the log was ever written with says appointment.
    /// </summary>
    private static void KeepsTheLogsNames(JsonTypeInfo info)
    {
        if (info.Type.Namespace?.StartsWith("ClinicPortal.Domain", StringComparison.Ordinal) != true)
            return;
        var doctors = LoggedWithDoctorIds.Contains(info.Type);
        foreach (var property in info.Properties)
        {
            var name = property.Name.Replace("appointment", "booking", StringComparison.Ordinal).Replace("Appointment", "Booking", StringComparison.Ordinal);
            property.Name = doctors ? name.Replace("clinicianId", "doctorId", StringComparison.Ordinal).Replace("ClinicianId", "DoctorId", StringComparison.Ordinal) : name;
        }
    }

    /// <summary>
    /// An event is written as what happened: the values it was made with (its constructor's), not what it derives from
    /// them (a booking's <c>Clinicians</c>, its <c>VisitType</c> when none was logged, a move's <c>IsReassignment</c>…).
    /// </summary>
    private static void WritesOnlyWhatHappened(JsonTypeInfo info)
    {
        if (!typeof(IClinicEvent).IsAssignableFrom(info.Type))
            return;
        foreach (var derived in info.Properties.Where(property => property.AssociatedParameter is null).ToArray())
            info.Properties.Remove(derived);
    }

    public static string Serialize(IClinicEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    /// <summary>A string value as the log writes it in an event (quoted, with the log's escaping).</summary>
    public static string SerializeText(string text) => JsonSerializer.Serialize(text, Options);

    public static IClinicEvent Deserialize(string type, string json) =>
        Upcast((IClinicEvent)(JsonSerializer.Deserialize(json, EventTypes.TypeOf(type), Options)
            ?? throw new InvalidOperationException($"Event of type {type} has no data.")));

    /// <summary>
    /// An event as stored, from a row of <c>position, type, data, tags, recorded_at, caused_by</c> in that order (either
    /// database): the event stores' own reads of the log, which select exactly those columns, batch after batch.
    /// </summary>
    public static StoredEvent Read(System.Data.Common.DbDataReader reader) =>
        Stored(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetString(5));

    /// <summary>An event as stored, from its columns' values.</summary>
    public static StoredEvent Stored(long position, string type, string data, string tags, string recordedAt, string causedBy) => new(
        position,
        Deserialize(type, data),
        tags.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(t => new Tag(t)).ToArray(),
        DateTimeOffset.Parse(recordedAt, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind),
        causedBy);

    /// <summary>
    /// Events logged in an earlier shape, read in today's: a booking logged before visit types existed is a
    /// Consultation (one slot) or a Long consultation (two). A day logged before staff-only time is open to all,
    /// which its missing fields already say.
    /// </summary>
    private static IClinicEvent Upcast(IClinicEvent @event) => @event switch
    {
        SlotsBooked { VisitTypeId: null } e => e with { VisitTypeId = e.VisitType },
        _ => @event,
    };
}
