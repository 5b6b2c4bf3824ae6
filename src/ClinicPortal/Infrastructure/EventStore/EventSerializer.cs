using System.Text.Json;
using System.Text.Json.Serialization;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>Events as JSON in the log: camelCase properties, enums by name.</summary>
public static class EventSerializer
{
    private static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static string Serialize(IClinicEvent @event) => JsonSerializer.Serialize(@event, @event.GetType(), Options);

    public static IClinicEvent Deserialize(string type, string json) =>
        (IClinicEvent)(JsonSerializer.Deserialize(json, EventTypes.TypeOf(type), Options)
            ?? throw new InvalidOperationException($"Event of type {type} has no data."));
}
