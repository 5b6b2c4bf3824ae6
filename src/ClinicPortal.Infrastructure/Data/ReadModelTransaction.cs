using System.Data.Common;
using ClinicPortal.Application;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// A transaction in which read-model tables may be replaced (<see cref="ClinicDatabase.BeginReadModelsAsync"/>): its
/// session for the projections' statements, the log to read from within it, and scripts of definitions.
/// </summary>
public sealed class ReadModelTransaction(
    DbConnection connection, DbTransaction transaction, SqlSession session,
    Func<long, int, CancellationToken, Task<IReadOnlyList<StoredEvent>>> readAfter, Func<DbConnection, Task>? ending = null) : IAsyncDisposable
{
    public SqlSession Session => session;

    /// <summary>The log's events after <paramref name="position"/>, at most <paramref name="count"/>, as the transaction sees it.</summary>
    public Task<IReadOnlyList<StoredEvent>> ReadAfterAsync(long position, int count, CancellationToken cancellationToken) =>
        readAfter(position, count, cancellationToken);

    /// <summary>Runs a script of definitions (tables, indexes), after what the session holds.</summary>
    public async Task ExecuteScriptAsync(string sql, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(sql))
            return;
        await session.FlushAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        SqlStatements.Ran();
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        await session.FlushAsync(cancellationToken);
        await session.DisposeAsync();
        await transaction.CommitAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await transaction.DisposeAsync();
        if (ending is not null)
            await ending(connection);
        await connection.DisposeAsync();
    }
}
