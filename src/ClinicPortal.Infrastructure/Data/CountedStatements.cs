namespace ClinicPortal.Infrastructure.Data;

/// <summary>EF Core's statements (the accounts' tables) counted with the rest (<see cref="SqlStatements"/>).</summary>
public sealed class CountedStatements : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
{
    public static readonly CountedStatements Instance = new();

    public override System.Data.Common.DbCommand CommandInitialized(
        Microsoft.EntityFrameworkCore.Diagnostics.CommandEndEventData eventData, System.Data.Common.DbCommand result)
    {
        SqlStatements.Ran();
        return result;
    }
}
