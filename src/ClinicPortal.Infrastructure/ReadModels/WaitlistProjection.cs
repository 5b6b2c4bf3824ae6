using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.Columns;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// The waiting list (<c>rm_waits</c>): every wait in the order it joined (its position in the log), with its state:
/// waiting, offered (the hold made for it), booked (that hold confirmed), missed (that hold let go or run out), or left.
/// </summary>
public sealed class WaitlistProjection : IProjection
{
    public string Name => "waitlist";
    public int Version => 1;
    public IReadOnlyList<string> Tables => ["rm_waits"];

    public string Schema(SqlDialect sql) => $"""
        CREATE TABLE rm_waits (
            wait_id       {sql.Uuid} PRIMARY KEY,
            position      BIGINT NOT NULL,
            patient_id    {sql.Uuid} NOT NULL,
            visit_type_id {sql.Uuid} NOT NULL,
            clinician_id  {sql.Uuid},
            from_date     TEXT NOT NULL,
            to_date       TEXT NOT NULL,
            joined_at     BIGINT NOT NULL,
            status        TEXT NOT NULL,
            hold_id       {sql.Uuid},
            ended_at      BIGINT
        );
        CREATE INDEX ix_rm_waits_hold ON rm_waits (hold_id);
        """;

    // The hold index is made with the table: applying a hold's end looks its wait up by it, during a rebuild too.
    public string Indexes => """
        CREATE INDEX ix_rm_waits_line ON rm_waits (status, from_date, position);
        CREATE INDEX ix_rm_waits_patient ON rm_waits (patient_id, status);
        """;

    public async Task ApplyAsync(SqlSession db, StoredEvent stored, CancellationToken ct)
    {
        switch (stored.Event)
        {
            case WaitJoined e:
                await db.ExecuteAsync(
                    """
                    INSERT INTO rm_waits (wait_id, position, patient_id, visit_type_id, clinician_id, from_date, to_date, joined_at, status)
                    VALUES (@wait, @position, @patient, @type, @clinician, @from, @to, @at, 'waiting');
                    """,
                    ct, ("@wait", e.WaitId), ("@position", stored.Position), ("@patient", e.PatientId), ("@type", e.VisitTypeId),
                    ("@clinician", e.ClinicianId), ("@from", Day(e.From)), ("@to", Day(e.To)), ("@at", Ms(stored.RecordedAt)));
                break;
            case WaitLeft e:
                await db.ExecuteAsync("UPDATE rm_waits SET status = 'left', ended_at = @at WHERE wait_id = @wait AND status IN ('waiting', 'offered');", ct,
                    ("@at", Ms(stored.RecordedAt)), ("@wait", e.WaitId));
                break;
            case HoldPlaced { WaitId: { } wait } e:
                await db.ExecuteAsync("UPDATE rm_waits SET status = 'offered', hold_id = @hold WHERE wait_id = @wait;", ct,
                    ("@hold", e.HoldId), ("@wait", wait));
                break;
            case SlotsBooked { HoldId: { } hold }:
                await OfferEndedAsync(db, hold, "booked", stored, ct);
                break;
            case HoldReleased e:
                await OfferEndedAsync(db, e.HoldId, "missed", stored, ct);
                break;
            case HoldExpired e:
                await OfferEndedAsync(db, e.HoldId, "missed", stored, ct);
                break;
        }
    }

    private static Task OfferEndedAsync(SqlSession db, Guid holdId, string status, StoredEvent stored, CancellationToken ct) =>
        db.ExecuteAsync("UPDATE rm_waits SET status = @status, ended_at = @at WHERE hold_id = @hold AND status = 'offered';", ct,
            ("@status", status), ("@at", Ms(stored.RecordedAt)), ("@hold", holdId));
}
