using System.Collections.Immutable;

namespace ClinicPortal.Domain.Privacy;

/// <summary>A patient's appointments still live (by id, their end), and whether they have been erased.</summary>
public sealed record PatientRecord(ImmutableDictionary<Guid, DateTimeOffset> Live, bool Erased)
{
    public static readonly PatientRecord None = new(ImmutableDictionary<Guid, DateTimeOffset>.Empty, false);
}
