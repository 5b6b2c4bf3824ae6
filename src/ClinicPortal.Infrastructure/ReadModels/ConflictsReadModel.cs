using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>The conflicts desk's questions: what is open, and what one event opened.</summary>
public sealed class ConflictsReadModel(ClinicDatabase database, Privacy.PersonalKeys keys) : IConflictQueries
{
    private const string Columns = """
        conflict_id, kind, booking_id, other_booking_id, patient_id, clinician_id, room_id, start_utc, end_utc, opened_at, opened_by,
        override_by, override_reason
        """;

    /// <summary>Every open conflict of an appointment not yet ended, soonest first.</summary>
    public Task<IReadOnlyList<OpenConflict>> OpenAsync(DateTimeOffset now, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM rm_conflicts WHERE resolved_position IS NULL AND end_utc > @now ORDER BY start_utc, opened_position;",
            ct, ("@now", Ms(now)));

    /// <summary>The open conflicts of one appointment (on either side of a double booking).</summary>
    public Task<IReadOnlyList<OpenConflict>> OfAppointmentAsync(Guid bookingId, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM rm_conflicts WHERE (booking_id = @booking OR other_booking_id = @booking) AND resolved_position IS NULL ORDER BY opened_position;",
            ct, ("@booking", bookingId));

    /// <summary>The conflicts the event at <paramref name="position"/> opened (whether or not they have been resolved since).</summary>
    public Task<IReadOnlyList<OpenConflict>> OpenedByEventAsync(long position, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM rm_conflicts WHERE opened_position = @position ORDER BY start_utc;", ct, ("@position", position));

    private async Task<IReadOnlyList<OpenConflict>> QueryAsync(string sql, CancellationToken ct, params (string Name, object? Value)[] parameters) =>
        await OpenAsync((await database.RowsAsync<ConflictRow>(sql, ct, parameters)).Select(row => row.View).ToArray(), ct);

    /// <summary>The conflicts with staff's reasons opened (the read model keeps them sealed).</summary>
    private async Task<IReadOnlyList<OpenConflict>> OpenAsync(OpenConflict[] conflicts, CancellationToken ct)
    {
        for (var i = 0; i < conflicts.Length; i++)
            if (conflicts[i].OverrideReason is { } reason)
                conflicts[i] = conflicts[i] with { OverrideReason = await keys.OpenAsync(reason, ct) };
        return conflicts;
    }

    private sealed class ConflictRow
    {
        public string ConflictId { get; init; } = "";
        public string Kind { get; init; } = "";
        public Guid AppointmentId { get; init; }
        public Guid? OtherAppointmentId { get; init; }
        public Guid PatientId { get; init; }
        public Guid ClinicianId { get; init; }
        public Guid? RoomId { get; init; }
        public long StartUtc { get; init; }
        public long EndUtc { get; init; }
        public long OpenedAt { get; init; }
        public string OpenedBy { get; init; } = "";
        public string? OverrideBy { get; init; }
        public string? OverrideReason { get; init; }

        public OpenConflict View => new(ConflictId, Kind, AppointmentId, OtherAppointmentId, PatientId, ClinicianId, RoomId,
            FromMs(StartUtc), FromMs(EndUtc), FromMs(OpenedAt), OpenedBy, OverrideBy, OverrideReason);
    }
}
