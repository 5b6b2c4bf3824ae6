using System.Threading.Channels;
using ClinicPortal.Application.Ports;
using ClinicPortal.Domain;
using ClinicPortal.Infrastructure.Data;
using Microsoft.Extensions.Hosting;

namespace ClinicPortal.Infrastructure.Privacy;

/// <summary>
/// The record of who opened a patient's details (<c>access_log</c>). <see cref="Record"/> only queues the note in memory
/// (a bounded channel: a page never waits for the database, even a busy one), and this service writes what is queued in
/// batches, one transaction each. Looks by the patient themselves (or the account that books for them) are not recorded:
/// the record is of others looking. A process stopped hard loses at most the notes of its last moment.
/// </summary>
public sealed class AccessLog(ClinicDatabase database, TimeProvider time, ILogger<AccessLog> log) : BackgroundService, IAccessLog
{
    private const int Capacity = 10_000;
    private const int BatchSize = 200;

    private readonly Channel<Note> notes = Channel.CreateBounded<Note>(new BoundedChannelOptions(Capacity)
    {
        FullMode = BoundedChannelFullMode.DropWrite, SingleReader = true,
    });

    private long dropped;

    private sealed record Note(Guid PatientId, Guid ViewerId, DateTimeOffset At, string What);

    public void Record(Guid patientId, Actor viewer, string what)
    {
        if (viewer.Role == Role.System || (viewer.Role == Role.Patient && viewer.SpeaksFor(patientId)))
            return;
        if (!notes.Writer.TryWrite(new Note(patientId, viewer.Id, time.GetUtcNow(), what)))
            Interlocked.Increment(ref dropped);
    }

    public async Task<IReadOnlyList<Access>> OfAsync(Guid patientId, int limit, CancellationToken ct = default) =>
        (await database.RowsAsync<AccessRow>("SELECT viewer_id, at, what FROM access_log WHERE patient_id = @patient ORDER BY at DESC, id DESC LIMIT @limit;",
            ct, ("@patient", patientId), ("@limit", limit)))
        .Select(row => new Access(row.ViewerId, DateTimeOffset.FromUnixTimeMilliseconds(row.At), row.What)).ToArray();

    private sealed record AccessRow(Guid ViewerId, long At, string What);

    /// <summary>Writes whatever is queued now (the service does this as notes arrive; tests and shutdown call it).</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var batch = new List<Note>();
        while (batch.Count < BatchSize && notes.Reader.TryRead(out var note))
        {
            batch.Add(note);
            if (batch.Count == BatchSize)
            {
                await WriteAsync(batch, ct);
                batch.Clear();
            }
        }
        if (batch.Count > 0)
            await WriteAsync(batch, ct);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            while (await notes.Reader.WaitToReadAsync(stoppingToken))
            {
                try
                {
                    await FlushAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    log.LogWarning(exception, "Could not write the record of who looked at patients' details; trying again");
                    await Task.Delay(TimeSpan.FromSeconds(1), stoppingToken);
                }
                if (Interlocked.Exchange(ref dropped, 0) is > 0 and var lost)
                    log.LogWarning("{Count} looks at patients' details were not recorded: the queue was full", lost);
            }
        }
        catch (OperationCanceledException)
        {
        }
        await FlushAsync(CancellationToken.None); // what is queued at shutdown
    }

    private async Task WriteAsync(IReadOnlyList<Note> batch, CancellationToken ct)
    {
        await using var write = await database.BeginAsync(ct);
        foreach (var note in batch)
            await write.Session.ExecuteAsync("INSERT INTO access_log (patient_id, viewer_id, at, what) VALUES (@patient, @viewer, @at, @what);", ct,
                ("@patient", note.PatientId), ("@viewer", note.ViewerId), ("@at", note.At.ToUnixTimeMilliseconds()), ("@what", note.What));
        await write.CommitAsync(ct);
    }
}
