using System.Data.Common;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// Commands of one transaction, each prepared once per distinct SQL text and reused: projections
/// run the same few statements for every event, thousands of times during a rebuild. The SQL is written once, in the
/// words both databases share, with <c>@name</c> parameters; <see cref="SqlDialect"/> says how each takes their values.
/// </summary>
/// <remarks>
/// A <paramref name="batched"/> session (the PostgreSQL store's and rebuild's) keeps the statements
/// <see cref="ExecuteAsync"/> is given and sends them together, in order, in one round trip, when a query needs
/// their effects (<see cref="RowsAsync{T}"/>, <see cref="ScalarAsync"/>, <see cref="ExecuteCountAsync"/>), when many
/// wait, or at <see cref="FlushAsync"/>, which its owner calls before committing. A booking's projections write a dozen
/// rows: one round trip each to another process would be most of the append's time, spent under the read models' lock.
/// SQLite is in process, so its sessions run each statement at once.
/// </remarks>
public sealed class SqlSession(DbConnection connection, DbTransaction transaction, SqlDialect dialect, bool batched = false) : IAsyncDisposable
{
    private const int MaxWaiting = 500;

    private readonly Dictionary<string, DbCommand> _commands = new();
    private readonly List<(string Sql, (string Name, object? Value)[] Parameters)> _waiting = [];

    public SqlSession(DbConnection connection, DbTransaction transaction) : this(connection, transaction, SqlDialect.Sqlite)
    {
    }

    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;
    public SqlDialect Dialect => dialect;

    /// <summary>Runs a statement whose count of rows changed nobody needs (in a batched session, with the next batch).</summary>
    public async Task ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        if (!batched)
        {
            await Prepare(sql, parameters).ExecuteNonQueryAsync(cancellationToken);
            return;
        }
        _waiting.Add((sql, parameters));
        if (_waiting.Count >= MaxWaiting)
            await FlushAsync(cancellationToken);
    }

    /// <summary>Runs a statement now (after any waiting) and returns how many rows it changed.</summary>
    public async Task<int> ExecuteCountAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync(cancellationToken);
        return await Prepare(sql, parameters).ExecuteNonQueryAsync(cancellationToken);
    }

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync(cancellationToken);
        return await Prepare(sql, parameters).ExecuteScalarAsync(cancellationToken) is var value and not DBNull ? value : null;
    }

    /// <summary>Sends the statements waiting in a batched session, in order, in one round trip.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        if (_waiting.Count == 0)
            return;
        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var (sql, parameters) in _waiting)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = sql;
            foreach (var (name, value) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = dialect.Parameter(value);
                command.Parameters.Add(parameter);
            }
            batch.BatchCommands.Add(command);
        }
        _waiting.Clear();
        await batch.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The rows a query finds, each a <typeparamref name="T"/> filled by its columns' names (<see cref="Rows"/>).</summary>
    public async Task<List<T>> RowsAsync<T>(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        await FlushAsync(cancellationToken);
        await using var reader = await Prepare(sql, parameters).ExecuteReaderAsync(cancellationToken);
        return await Rows.ReadAsync<T>(reader, cancellationToken);
    }

    private DbCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        SqlStatements.Ran();
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = transaction;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                command.Parameters.Add(parameter);
            }
            _commands[sql] = command;
        }
        foreach (var (name, value) in parameters)
            command.Parameters[name].Value = dialect.Parameter(value);
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
            await command.DisposeAsync();
        _commands.Clear();
    }
}
