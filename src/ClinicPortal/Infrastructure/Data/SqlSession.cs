using System.Data.Common;

namespace ClinicPortal.Infrastructure.Data;

/// <summary>
/// Commands of one transaction, each prepared once per distinct SQL text and reused: projections
/// run the same few statements for every event, thousands of times during a rebuild. The SQL is written once, in
/// SQLite's words with <c>$name</c> parameters; on PostgreSQL <see cref="SqlDialect"/> restates it.
/// </summary>
public sealed class SqlSession(DbConnection connection, DbTransaction transaction, SqlDialect dialect) : IAsyncDisposable
{
    private readonly Dictionary<string, DbCommand> _commands = new();

    public SqlSession(DbConnection connection, DbTransaction transaction) : this(connection, transaction, SqlDialect.Sqlite)
    {
    }

    public DbConnection Connection => connection;
    public DbTransaction Transaction => transaction;
    public SqlDialect Dialect => dialect;

    public Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        Prepare(sql, parameters).ExecuteNonQueryAsync(cancellationToken);

    public async Task<object?> ScalarAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        dialect.Value(await Prepare(sql, parameters).ExecuteScalarAsync(cancellationToken));

    /// <summary>The rows a query finds, each read by <paramref name="read"/> (for a projection that reads its own tables).</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<DbDataReader, T> read, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters)
    {
        var rows = new List<T>();
        await using var reader = dialect.Reader(await Prepare(sql, parameters).ExecuteReaderAsync(cancellationToken));
        while (await reader.ReadAsync(cancellationToken))
            rows.Add(read(reader));
        return rows;
    }

    private DbCommand Prepare(string sql, (string Name, object? Value)[] parameters)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = dialect.Statement(sql);
            command.Transaction = transaction;
            foreach (var (name, _) in parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = dialect.ParameterName(name);
                command.Parameters.Add(parameter);
            }
            _commands[sql] = command;
        }
        foreach (var (name, value) in parameters)
            command.Parameters[dialect.ParameterName(name)].Value = value ?? DBNull.Value;
        return command;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var command in _commands.Values)
            await command.DisposeAsync();
        _commands.Clear();
    }
}
