namespace ClinicPortal.Infrastructure.Postgres;

/// <summary>What <c>--migrate-to-postgres</c> copied.</summary>
public sealed record MigrationReport(long Events, int Accounts, int OutboxMessages, int Keys);
