using ClinicPortal.Infrastructure.Data;
using Microsoft.Data.Sqlite;
using static ClinicPortal.Infrastructure.ReadModels.ScheduleProjection;
using static ClinicPortal.Infrastructure.ReadModels.ScheduleReadModel;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>The conflicts desk's questions: what is open, and what one event opened.</summary>
public sealed class ConflictsReadModel(ClinicDatabase database) : IConflictQueries
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
    public Task<IReadOnlyList<OpenConflict>> OfBookingAsync(Guid bookingId, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM rm_conflicts WHERE (booking_id = @booking OR other_booking_id = @booking) AND resolved_position IS NULL ORDER BY opened_position;",
            ct, ("@booking", bookingId));

    /// <summary>The conflicts the event at <paramref name="position"/> opened (whether or not they have been resolved since).</summary>
    public Task<IReadOnlyList<OpenConflict>> OpenedByEventAsync(long position, CancellationToken ct = default) =>
        QueryAsync($"SELECT {Columns} FROM rm_conflicts WHERE opened_position = @position ORDER BY start_utc;", ct, ("@position", position));

    private Task<IReadOnlyList<OpenConflict>> QueryAsync(string sql, CancellationToken ct, params (string Name, object Value)[] parameters) =>
        database.QueryAsync(sql, Read, ct, parameters);

    private static OpenConflict Read(System.Data.Common.DbDataReader r) =>
        new(r.GetString(0), r.GetString(1), r.GetGuid(2), OptionalGuid(r, 3), r.GetGuid(4), r.GetGuid(5), OptionalGuid(r, 6),
            FromMs(r.GetInt64(7)), FromMs(r.GetInt64(8)), FromMs(r.GetInt64(9)), r.GetString(10),
            r.IsDBNull(11) ? null : r.GetString(11), r.IsDBNull(12) ? null : r.GetString(12));
}
