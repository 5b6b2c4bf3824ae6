namespace ClinicPortal.Infrastructure.Practice;

/// <summary>
/// With more than one instance (on PostgreSQL), the owner saves the settings on one: the others read them again every
/// few seconds, so every instance books, reminds and emails by the same settings within <see cref="Interval"/>.
/// </summary>
public sealed class PracticeSettingsRefresh(PracticeSettings settings, ILogger<PracticeSettingsRefresh> logger, TimeSpan? interval = null) : BackgroundService
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(interval ?? Interval);
        while (await timer.WaitForNextTickAsync(stoppingToken).AsTask().ContinueWith(t => t is { IsCompletedSuccessfully: true, Result: true }, TaskScheduler.Default))
        {
            try
            {
                await settings.LoadAsync(stoppingToken);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                logger.LogWarning(exception, "Reading the practice settings again failed; the last ones read stay in force");
            }
        }
    }
}
