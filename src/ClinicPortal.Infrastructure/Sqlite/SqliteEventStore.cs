using ClinicPortal.Application;
using System.Globalization;
using System.Threading.Channels;
using ClinicPortal.Domain;
using ClinicPortal.Domain.EventStore;
using ClinicPortal.Infrastructure.Data;
using ClinicPortal.Infrastructure.ReadModels;
using Microsoft.Data.Sqlite;
using ClinicPortal.Infrastructure.EventStore;

namespace ClinicPortal.Infrastructure.Sqlite;

/// <summary>
/// The event log in <c>clinic.db</c>. An append checks its condition and inserts its events, their tags and
/// the read-model updates inside one <c>BEGIN IMMEDIATE</c> transaction: writers are serialised, so no other
/// append can slip in between the check and the insert, and what a page reads after a command is already true.
/// Concurrent appends are committed together (see <see cref="WriteLoopAsync"/>).
/// </summary>
/// Free text about a patient is sealed under their key before it is queued (<see cref="Privacy.PersonalKeys"/>; none
/// given, as by a benchmark of the store alone: events are written as they come).
public sealed class SqliteEventStore(
    SqliteDatabase database, IEnumerable<IProjection> projections, EventLogSignal signal, Privacy.PersonalKeys? personalKeys = null)
    : IEventStore, IAsyncDisposable
{
    private readonly IProjection[] _projections = projections.ToArray();

    public async Task<EventStream> ReadAsync(Query query, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // One read transaction: the events and the last position come from the same snapshot.
        await using var transaction = connection.BeginTransaction(deferred: true);
        var last = await LastPositionAsync(connection, transaction, cancellationToken);

        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var matching = MatchingPositions(query, command, afterParameter: null);
        command.CommandText =
            "SELECT position, type, data, tags, recorded_at, caused_by FROM events" +
            (matching is null ? "" : $" WHERE position IN ({matching})") +
            " ORDER BY position;";
        var events = await ReadEventsAsync(command, cancellationToken);
        return new EventStream(events, last);
    }

    public async Task<long> AppendAsync(
        IReadOnlyList<IClinicEvent> events, EventMetadata metadata, AppendCondition? condition, CancellationToken cancellationToken = default)
    {
        if (events.Count == 0)
            throw new ArgumentException("Nothing to append.", nameof(events));
        cancellationToken.ThrowIfCancellationRequested();
        var pending = new PendingAppend(personalKeys is null ? events : await personalKeys.SealAsync(events, cancellationToken), metadata, condition);
        if (!_queue.Writer.TryWrite(pending))
            throw new ObjectDisposedException(nameof(SqliteEventStore));
        EnsureWriterRunning();
        // Once queued, an append is not abandoned half-way: the caller learns its fate after the commit.
        return await pending.Completion.Task;
    }

    private sealed record PendingAppend(IReadOnlyList<IClinicEvent> Events, EventMetadata Metadata, AppendCondition? Condition)
    {
        public TaskCompletionSource<long> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private const int MaxBatch = 256;
    private readonly Channel<PendingAppend> _queue = Channel.CreateUnbounded<PendingAppend>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Lock _writerGate = new();
    private Task? _writer;

    private void EnsureWriterRunning()
    {
        if (_writer is not null) return;
        lock (_writerGate)
            _writer ??= Task.Run(WriteLoopAsync);
    }

    /// <summary>
    /// Group commit. One writer takes every append waiting in the queue and runs them in one <c>BEGIN IMMEDIATE</c>
    /// transaction, each under its own savepoint: its condition is checked (seeing the appends before it in the
    /// batch), its events, tags and read-model rows written, or its savepoint rolled back. One commit, one fsync
    /// (synchronous=FULL) for the batch; no caller hears "done" before that commit. Under load this turns fifty
    /// waiting writers into one transaction instead of fifty queued on SQLite's lock.
    /// </summary>
    private async Task WriteLoopAsync()
    {
        var batch = new List<PendingAppend>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next))
                batch.Add(next);
            await WriteBatchAsync(batch);
        }
    }

    private async Task WriteBatchAsync(List<PendingAppend> batch)
    {
        var outcomes = new (long Position, Exception? Error)[batch.Count];
        var tags = new HashSet<Tag>();
        try
        {
            await using var connection = await database.OpenAsync();
            await using var transaction = connection.BeginTransaction(deferred: false);
            await using (var session = new SqlSession(connection, transaction))
            {
                for (var i = 0; i < batch.Count; i++)
                {
                    var savepoint = $"a{i}";
                    transaction.Save(savepoint);
                    try
                    {
                        var append = batch[i];
                        if (append.Condition is not null && await AnyMatchAfterAsync(connection, transaction, append.Condition, CancellationToken.None))
                        {
                            transaction.Rollback(savepoint);
                            outcomes[i] = (0, new AppendConditionFailedException(append.Condition));
                        }
                        else
                        {
                            outcomes[i] = (await InsertAsync(session, append, tags), null);
                        }
                        transaction.Release(savepoint);
                    }
                    catch (Exception exception)
                    {
                        transaction.Rollback(savepoint);
                        transaction.Release(savepoint);
                        outcomes[i] = (0, exception);
                    }
                }
            }
            await transaction.CommitAsync();
        }
        catch (Exception exception)
        {
            // The transaction as a whole failed: nothing of this batch was written.
            foreach (var pending in batch)
                pending.Completion.TrySetException(exception);
            return;
        }

        // The signal first: a caller told "done" that reads at once must find the caches the signal clears cleared
        // (a day's shared read of the slots, say), not a read from before its own append.
        var last = outcomes.Where(o => o.Error is null).Select(o => o.Position).DefaultIfEmpty(0).Max();
        if (last > 0)
            signal.Notify(new Appended(last, tags));
        for (var i = 0; i < batch.Count; i++)
        {
            if (outcomes[i].Error is { } error)
                batch[i].Completion.TrySetException(error);
            else
                batch[i].Completion.TrySetResult(outcomes[i].Position);
        }
    }

    /// <summary>Inserts one append's events; adds their tags to <paramref name="written"/> (kept only if the batch commits).</summary>
    private async Task<long> InsertAsync(SqlSession session, PendingAppend append, HashSet<Tag> written)
    {
        var stored = new List<StoredEvent>(append.Events.Count);
        var recordedAt = append.Metadata.RecordedAt.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture);
        foreach (var @event in append.Events)
        {
            var type = EventTypes.NameOf(@event);
            var tags = EventTags.Of(@event);
            var position = (long)(await session.ScalarAsync(
                "INSERT INTO events (type, data, tags, recorded_at, caused_by) VALUES (@type, @data, @tags, @at, @by) RETURNING position;",
                CancellationToken.None,
                ("@type", type), ("@data", EventSerializer.Serialize(@event)), ("@tags", string.Join(' ', tags)),
                ("@at", recordedAt), ("@by", append.Metadata.CausedBy)))!;
            foreach (var tag in tags.Distinct())
            {
                await session.ExecuteAsync(
                    "INSERT INTO event_tags (tag, position, type) VALUES (@tag, @position, @type);",
                    CancellationToken.None, ("@tag", tag.Value), ("@position", position), ("@type", type));
            }
            stored.Add(new StoredEvent(position, @event, tags, append.Metadata.RecordedAt, append.Metadata.CausedBy));
        }
        written.UnionWith(stored.SelectMany(e => e.Tags));
        foreach (var projection in _projections)
        foreach (var @event in stored)
            await projection.ApplyAsync(session, @event, CancellationToken.None);
        return stored[^1].Position;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writer is not null)
            await _writer;
    }

    public async Task<long> LastPositionAsync(CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LastPositionAsync(connection, null, cancellationToken);
    }

    public async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int maxCount, CancellationToken cancellationToken = default)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await ReadAfterAsync(connection, null, position, maxCount, cancellationToken);
    }

    internal static async Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(
        SqliteConnection connection, SqliteTransaction? transaction, long position, int maxCount, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText =
            "SELECT position, type, data, tags, recorded_at, caused_by FROM events WHERE position > @after ORDER BY position LIMIT @max;";
        command.Parameters.AddWithValue("@after", position);
        command.Parameters.AddWithValue("@max", maxCount);
        return await ReadEventsAsync(command, cancellationToken);
    }

    private static async Task<bool> AnyMatchAfterAsync(
        SqliteConnection connection, SqliteTransaction transaction, AppendCondition condition, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.Parameters.AddWithValue("@after", condition.After);
        var matching = MatchingPositions(condition.FailIfEventsMatch, command, afterParameter: "@after")
            ?? "SELECT position FROM events WHERE position > @after";
        command.CommandText = $"SELECT EXISTS ({matching});";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken)) == 1;
    }

    /// <summary>SQL selecting the positions of the events matching <paramref name="query"/> (null: every event), with <c>@p</c> parameters.</summary>
    private static string? MatchingPositions(Query query, SqliteCommand command, string? afterParameter)
    {
        var count = 0;
        return LogQuerySql.MatchingPositions(query, value =>
        {
            var name = $"@p{count++}";
            command.Parameters.AddWithValue(name, value);
            return name;
        }, afterParameter);
    }

    internal static async Task<long> LastPositionAsync(SqliteConnection connection, SqliteTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = "SELECT coalesce(max(position), 0) FROM events;";
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken));
    }

    internal static async Task<IReadOnlyList<StoredEvent>> ReadEventsAsync(SqliteCommand command, CancellationToken cancellationToken)
    {
        var events = new List<StoredEvent>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            events.Add(EventSerializer.Read(reader));
        return events;
    }
}
