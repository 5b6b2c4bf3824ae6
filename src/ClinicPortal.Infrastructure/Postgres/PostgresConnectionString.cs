using Npgsql;

namespace ClinicPortal.Infrastructure.Postgres;

/// <summary><c>ConnectionStrings:Clinic</c> for PostgreSQL, and its unpooled form for connections that hold a session (listening, leases).</summary>
public sealed class PostgresConnectionString(string value)
{
    public string Value { get; } = value;

    /// <summary>Its own session, closed for real when disposed (a session's advisory locks end with it); TCP keepalives find a dead peer.</summary>
    public string Unpooled { get; } = new NpgsqlConnectionStringBuilder(value) { Pooling = false, KeepAlive = 5, TcpKeepAlive = true }.ConnectionString;
}
