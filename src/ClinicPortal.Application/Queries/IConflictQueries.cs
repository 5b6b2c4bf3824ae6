namespace ClinicPortal.Application.Queries;

/// <summary>The conflicts desk's open conflicts.</summary>
public interface IConflictQueries
{
    Task<IReadOnlyList<OpenConflict>> OpenAsync(DateTimeOffset now, CancellationToken ct = default);
    Task<IReadOnlyList<OpenConflict>> OfAppointmentAsync(Guid bookingId, CancellationToken ct = default);
    Task<IReadOnlyList<OpenConflict>> OpenedByEventAsync(long position, CancellationToken ct = default);
}
