using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;
using ClinicPortal.Application.Queries;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>Queries over the waiting list, each wait with the time kept for it (read with it from <c>rm_holds</c>).</summary>
public sealed class WaitlistReadModel(ClinicDatabase database) : IWaitlistQueries
{
    private const string From = """
        SELECT w.wait_id, w.position, w.patient_id, w.visit_type_id, w.clinician_id, w.from_date, w.to_date, w.joined_at, w.status, w.hold_id,
               h.hold_id AS offer_hold_id, h.date AS offer_date, h.start_utc AS offer_start_utc, h.expires_at AS offer_expires_at
        FROM rm_waits w LEFT JOIN rm_holds h ON h.hold_id = w.hold_id AND h.status = 'pending'
        """;

    /// <summary>The waits still waiting for a time on <paramref name="date"/>, first in line first.</summary>
    public Task<IReadOnlyList<WaitView>> WaitingOnAsync(DateOnly date, CancellationToken ct = default) =>
        ReadAsync($"{From} WHERE w.status = 'waiting' AND w.from_date <= @date AND w.to_date >= @date ORDER BY w.position;", ct, ("@date", Day(date)));

    /// <summary>A patient's open waits whose days have not all passed, soonest first.</summary>
    public Task<IReadOnlyList<WaitView>> OpenOfPatientAsync(Guid patientId, DateOnly today, CancellationToken ct = default) =>
        ReadAsync(
            $"{From} WHERE w.patient_id = @patient AND w.status IN ('waiting', 'offered') AND w.to_date >= @today ORDER BY w.from_date, w.position;",
            ct, ("@patient", patientId), ("@today", Day(today)));

    /// <summary>Every open wait whose days have not all passed, in line order: what the owner sees, per visit type.</summary>
    public Task<IReadOnlyList<WaitView>> OpenAsync(DateOnly today, CancellationToken ct = default) =>
        ReadAsync($"{From} WHERE w.status IN ('waiting', 'offered') AND w.to_date >= @today ORDER BY w.position;", ct, ("@today", Day(today)));

    public async Task<WaitView?> FindAsync(Guid waitId, CancellationToken ct = default) =>
        (await ReadAsync($"{From} WHERE w.wait_id = @wait;", ct, ("@wait", waitId))).SingleOrDefault();

    private async Task<IReadOnlyList<WaitView>> ReadAsync(string sql, CancellationToken ct, params (string, object?)[] parameters) =>
        (await database.RowsAsync<WaitRow>(sql, ct, parameters)).Select(row => row.View).ToArray();

    /// <summary>A row of <see cref="From"/>: a wait, and the time offered for it while its hold is pending.</summary>
    private sealed class WaitRow
    {
        public Guid WaitId { get; init; }
        public long Position { get; init; }
        public Guid PatientId { get; init; }
        public Guid VisitTypeId { get; init; }
        public Guid? ClinicianId { get; init; }
        public string FromDate { get; init; } = "";
        public string ToDate { get; init; } = "";
        public long JoinedAt { get; init; }
        public string Status { get; init; } = "";
        public Guid? HoldId { get; init; }
        public Guid? OfferHoldId { get; init; }
        public string? OfferDate { get; init; }
        public long? OfferStartUtc { get; init; }
        public long? OfferExpiresAt { get; init; }

        public WaitView View => new(WaitId, Position, PatientId, VisitTypeId, ClinicianId, Rows.Day(FromDate), Rows.Day(ToDate), FromMs(JoinedAt), Status, HoldId,
            OfferHoldId is { } offer
                ? new WaitOffer(offer, Rows.Day(OfferDate!), FromMs(OfferStartUtc!.Value), FromMs(OfferExpiresAt!.Value))
                : null);
    }
}
