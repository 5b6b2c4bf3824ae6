namespace ClinicPortal.Application.Queries;

/// <summary>Cancellations of visits in a range, by what caused them.</summary>
public sealed record CancellationCounts(int Patient, int Staff, int DayCancelled, int MonthlyLimit)
{
    public static readonly CancellationCounts None = new(0, 0, 0, 0);

    public int Total => Patient + Staff + DayCancelled + MonthlyLimit;

    public CancellationCounts Plus(CancellationCounts other) =>
        new(Patient + other.Patient, Staff + other.Staff, DayCancelled + other.DayCancelled, MonthlyLimit + other.MonthlyLimit);
}
