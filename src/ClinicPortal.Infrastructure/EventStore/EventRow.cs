using ClinicPortal.Application;

namespace ClinicPortal.Infrastructure.EventStore;

/// <summary>A row of the log read by column name (the audit trail's reads): an event as stored.</summary>
public sealed class EventRow
{
    public long Position { get; init; }
    public string Type { get; init; } = "";
    public string Data { get; init; } = "";
    public string Tags { get; init; } = "";
    public string RecordedAt { get; init; } = "";
    public string CausedBy { get; init; } = "";

    public StoredEvent Stored => EventSerializer.Stored(Position, Type, Data, Tags, RecordedAt, CausedBy);
}
