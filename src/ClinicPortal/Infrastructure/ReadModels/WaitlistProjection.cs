using ClinicPortal.Application;
using ClinicPortal.Domain;
using ClinicPortal.Infrastructure.Data;
using static ClinicPortal.Infrastructure.ReadModels.ScheduleProjection;

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

    public string Schema => """
        CREATE TABLE rm_waits (
            wait_id       TEXT PRIMARY KEY,
            position      INTEGER NOT NULL,
            patient_id    TEXT NOT NULL,
            visit_type_id TEXT NOT NULL,
            clinician_id  TEXT,
            from_date     TEXT NOT NULL,
            to_date       TEXT NOT NULL,
            joined_at     INTEGER NOT NULL,
            status        TEXT NOT NULL,
            hold_id       TEXT,
            ended_at      INTEGER
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
                    VALUES ($wait, $position, $patient, $type, $clinician, $from, $to, $at, 'waiting');
                    """,
                    ct, ("$wait", Id(e.WaitId)), ("$position", stored.Position), ("$patient", Id(e.PatientId)), ("$type", Id(e.VisitTypeId)),
                    ("$clinician", OptionalId(e.ClinicianId)), ("$from", Day(e.From)), ("$to", Day(e.To)), ("$at", Ms(stored.RecordedAt)));
                break;
            case WaitLeft e:
                await db.ExecuteAsync("UPDATE rm_waits SET status = 'left', ended_at = $at WHERE wait_id = $wait AND status IN ('waiting', 'offered');", ct,
                    ("$at", Ms(stored.RecordedAt)), ("$wait", Id(e.WaitId)));
                break;
            case HoldPlaced { WaitId: { } wait } e:
                await db.ExecuteAsync("UPDATE rm_waits SET status = 'offered', hold_id = $hold WHERE wait_id = $wait;", ct,
                    ("$hold", Id(e.HoldId)), ("$wait", Id(wait)));
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
        db.ExecuteAsync("UPDATE rm_waits SET status = $status, ended_at = $at WHERE hold_id = $hold AND status = 'offered';", ct,
            ("$status", status), ("$at", Ms(stored.RecordedAt)), ("$hold", Id(holdId)));
}

/// <summary>A wait as the pages show it; <see cref="HoldId"/> is the time offered for it, once it was.</summary>
public sealed record WaitView(
    Guid WaitId, long Position, Guid PatientId, Guid VisitTypeId, Guid? ClinicianId, DateOnly From, DateOnly To, DateTimeOffset JoinedAt, string Status,
    Guid? HoldId)
{
    public bool IsOpen => Status is "waiting" or "offered";
}

/// <summary>Queries over the waiting list.</summary>
public sealed class WaitlistReadModel(ClinicDatabase database)
{
    private const string Columns = "wait_id, position, patient_id, visit_type_id, clinician_id, from_date, to_date, joined_at, status, hold_id";

    /// <summary>The waits still waiting for a time on <paramref name="date"/>, first in line first.</summary>
    public Task<IReadOnlyList<WaitView>> WaitingOnAsync(DateOnly date, CancellationToken ct = default) =>
        database.QueryAsync($"SELECT {Columns} FROM rm_waits WHERE status = 'waiting' AND from_date <= $date AND to_date >= $date ORDER BY position;",
            Read, ct, ("$date", Day(date)));

    /// <summary>A patient's open waits whose days have not all passed, soonest first.</summary>
    public Task<IReadOnlyList<WaitView>> OpenOfPatientAsync(Guid patientId, DateOnly today, CancellationToken ct = default) =>
        database.QueryAsync(
            $"SELECT {Columns} FROM rm_waits WHERE patient_id = $patient AND status IN ('waiting', 'offered') AND to_date >= $today ORDER BY from_date, position;",
            Read, ct, ("$patient", Id(patientId)), ("$today", Day(today)));

    /// <summary>Every open wait whose days have not all passed, in line order: what the owner sees, per visit type.</summary>
    public Task<IReadOnlyList<WaitView>> OpenAsync(DateOnly today, CancellationToken ct = default) =>
        database.QueryAsync($"SELECT {Columns} FROM rm_waits WHERE status IN ('waiting', 'offered') AND to_date >= $today ORDER BY position;",
            Read, ct, ("$today", Day(today)));

    public async Task<WaitView?> FindAsync(Guid waitId, CancellationToken ct = default) =>
        (await database.QueryAsync($"SELECT {Columns} FROM rm_waits WHERE wait_id = $wait;", Read, ct, ("$wait", Id(waitId)))).SingleOrDefault();

    private static WaitView Read(Microsoft.Data.Sqlite.SqliteDataReader r) =>
        new(r.GetGuid(0), r.GetInt64(1), r.GetGuid(2), r.GetGuid(3), ScheduleReadModel.OptionalGuid(r, 4), DateOnly.ParseExact(r.GetString(5), "yyyy-MM-dd"),
            DateOnly.ParseExact(r.GetString(6), "yyyy-MM-dd"), ScheduleReadModel.FromMs(r.GetInt64(7)), r.GetString(8), ScheduleReadModel.OptionalGuid(r, 9));
}
