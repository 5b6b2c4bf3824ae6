namespace ClinicPortal.Application;

/// <summary>How long to wait before trying again: 1 s, 2 s, 4 s, … doubling per attempt, never more than a cap.</summary>
public static class Backoff
{
    public static TimeSpan Before(int attempt, TimeSpan cap) =>
        TimeSpan.FromSeconds(Math.Min(cap.TotalSeconds, Math.Pow(2, Math.Min(attempt - 1, 30))));
}
