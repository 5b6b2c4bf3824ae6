namespace ClinicPortal.Infrastructure.Data;

public sealed class WriteTransaction(System.Data.Common.DbConnection connection, System.Data.Common.DbTransaction transaction, SqlSession session) : IAsyncDisposable
{
    public SqlSession Session => session;

    public Task CommitAsync(CancellationToken ct = default) => transaction.CommitAsync(ct);

    public async ValueTask DisposeAsync()
    {
        await session.DisposeAsync();
        await transaction.DisposeAsync();
        await connection.DisposeAsync();
    }
}
