using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;

namespace ClinicPortal.Features.Shared;

internal static class Handling
{
    /// <summary>Who caused the events of a command and when, as the log records it.</summary>
    public static EventMetadata By(Actor actor, DateTimeOffset now) => new(actor.Name, now);
}
