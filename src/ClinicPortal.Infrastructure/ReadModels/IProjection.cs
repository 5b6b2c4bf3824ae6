using ClinicPortal.Application;
using ClinicPortal.Infrastructure.Data;

namespace ClinicPortal.Infrastructure.ReadModels;

/// <summary>
/// Read-model tables kept up to date from the log, inside the transaction of each append. They can be
/// dropped and rebuilt from the log at any time; raising <see cref="Version"/> makes the next start-up do so.
/// </summary>
public interface IProjection
{
    string Name { get; }
    int Version { get; }

    /// <summary>The tables it owns, dropped before a rebuild.</summary>
    IReadOnlyList<string> Tables { get; }

    /// <summary>CREATE statements for its tables (with their primary keys), in the words of <paramref name="sql"/>'s database.</summary>
    string Schema(SqlDialect sql);

    /// <summary>CREATE statements for its secondary indexes: a rebuild creates them after loading, which is much faster.</summary>
    string Indexes { get; }

    Task ApplyAsync(SqlSession session, StoredEvent stored, CancellationToken cancellationToken);
}
